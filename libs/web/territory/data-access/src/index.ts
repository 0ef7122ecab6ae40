export * from './lib/territory-api';
