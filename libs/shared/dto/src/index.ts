export * from './lib/api';
export * from './lib/territory';
export * from './lib/accounts';
export * from './lib/projects';
