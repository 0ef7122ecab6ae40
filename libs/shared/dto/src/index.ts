export * from './lib/api';
export * from './lib/territory';
export * from './lib/accounts';
export * from './lib/projects';
export * from './lib/threads';
export * from './lib/notifications';
export * from './lib/publication';
export * from './lib/public-portal';
