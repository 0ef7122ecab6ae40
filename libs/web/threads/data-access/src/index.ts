export * from './lib/attachment-uploads';
export * from './lib/backoffice-settings-api';
export * from './lib/conversation-actions';
export * from './lib/thread-conflict';
export * from './lib/threads-api';
export * from './lib/reply-draft';
