export * from './lib/axes-page';
export * from './lib/dept-project-edit-page';
export * from './lib/dept-project-list-page';
export * from './lib/dept-project-page';
