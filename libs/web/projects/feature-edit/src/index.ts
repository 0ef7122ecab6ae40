export * from './lib/project-create-page';
export * from './lib/project-edit-page';
