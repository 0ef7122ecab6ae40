export * from './lib/dept-projects-api';
