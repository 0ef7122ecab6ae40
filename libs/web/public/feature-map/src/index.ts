export * from './lib/project-map-page';
