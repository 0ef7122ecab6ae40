export * from './lib/backoffice-projects-page';
