export * from './lib/download-file';
