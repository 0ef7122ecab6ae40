export * from './map-fixtures';
