export * from './lib/confirm-dialog';
export * from './lib/form-errors';
export * from './lib/french-paginator-intl';
export * from './lib/french-date-adapter';
export * from './lib/error-summary';
export * from './lib/focus-on-text';
export * from './lib/focus-invalid-field';
