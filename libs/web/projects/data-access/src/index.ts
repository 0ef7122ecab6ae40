export * from './lib/document-uploads';
export * from './lib/documents-api';
export * from './lib/object-urls';
export * from './lib/projects-api';
export * from './lib/upload-progress';
