export * from './lib/public-projects-api';
