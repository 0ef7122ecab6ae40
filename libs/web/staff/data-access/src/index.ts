export * from './lib/backoffice-api';
