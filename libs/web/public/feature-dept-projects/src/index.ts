export * from './lib/dept-project-list-page';
export * from './lib/dept-project-page';
