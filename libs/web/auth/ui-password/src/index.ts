export * from './lib/new-password-fields';
