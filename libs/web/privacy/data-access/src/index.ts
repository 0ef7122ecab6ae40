export * from './lib/account-deletion-api';
export * from './lib/data-exports-api';
export * from './lib/privacy-notice-api';
export * from './lib/retention-api';
