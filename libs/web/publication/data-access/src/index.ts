export * from './lib/publication-api';
