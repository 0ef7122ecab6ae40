export * from './lib/account-page';
