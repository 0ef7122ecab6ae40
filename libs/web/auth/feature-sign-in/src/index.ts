export * from './lib/forgot-password-page';
export * from './lib/invitation-page';
export * from './lib/reset-password-page';
export * from './lib/sign-in-page';
