export * from './lib/public-project-card';
export * from './lib/public-project-view';
