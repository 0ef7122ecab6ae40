export * from './lib/attachment-uploads';
export * from './lib/inbox-settings-api';
export * from './lib/conversation-actions';
export * from './lib/thread-conflict';
export * from './lib/threads-api';
export * from './lib/reply-draft';
export * from './lib/thread-store';
