export * from './lib/project-detail-page';
export * from './lib/project-detail-routes';
