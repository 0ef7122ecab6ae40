export * from './lib/format-number';
export * from './lib/format-date';
export * from './lib/api-error-message';
