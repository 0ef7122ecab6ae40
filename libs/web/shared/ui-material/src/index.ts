export * from './lib/confirm-dialog';
export * from './lib/form-errors';
export * from './lib/french-paginator-intl';
