export * from './lib/failed-mails-api';
export * from './lib/staff-api';
