export * from './lib/personal-data-admin-page';
export * from './lib/privacy-notice-page';
