export * from './lib/recovery-codes-panel';
export * from './lib/totp-setup-panel';
export * from './lib/totp-code-field';
