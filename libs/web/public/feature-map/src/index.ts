export * from './lib/public-home-page';
export * from './lib/project-map-page';
