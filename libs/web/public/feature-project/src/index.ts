export * from './lib/public-project-page';
export * from './lib/project-search-page';
