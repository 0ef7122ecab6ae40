export * from './lib/account-page';
export * from './lib/account-deletion-requested-page';
