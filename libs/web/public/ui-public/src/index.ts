export * from './lib/public-project-card';
export * from './lib/public-project-view';
export * from './lib/dept-progress';
export * from './lib/public-dept-project-card';
export * from './lib/public-project-tabs';
export * from './lib/page-meta';
