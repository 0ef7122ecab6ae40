export * from './lib/public-projects-api';
export * from './lib/project-map-layer';
export * from './lib/public-map-setting';
export * from './lib/public-filter-params';
export * from './lib/public-dept-projects-api';
export * from './lib/newsletter-api';
