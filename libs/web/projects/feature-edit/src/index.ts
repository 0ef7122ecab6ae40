export * from './lib/project-edit-page';
