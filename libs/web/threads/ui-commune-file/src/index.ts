export * from './lib/commune-file-panel';
