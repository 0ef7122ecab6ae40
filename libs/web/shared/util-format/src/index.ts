export * from './lib/format-number';
export * from './lib/format-date';
export * from './lib/api-error-message';
export * from './lib/api-field-errors';
export * from './lib/format-user-agent';
export * from './lib/format-money';
export * from './lib/format-bytes';
export * from './lib/parse-date';
