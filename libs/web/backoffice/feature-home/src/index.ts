export * from './lib/backoffice-home-page';
