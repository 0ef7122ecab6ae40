export * from './lib/public-projects-api';
export * from './lib/project-map-layer';
