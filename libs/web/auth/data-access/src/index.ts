export * from './lib/account-api';
export * from './lib/auth-api';
export * from './lib/auth-guards';
export * from './lib/auth-interceptor';
export * from './lib/auth-session';
export * from './lib/provide-auth';
export * from './lib/return-url';
