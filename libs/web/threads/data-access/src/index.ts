export * from './lib/attachment-uploads';
export * from './lib/backoffice-settings-api';
export * from './lib/threads-api';
