export * from './lib/public-projects-api';
export * from './lib/project-map-layer';
export * from './lib/public-map-setting';
export * from './lib/public-filter-params';
