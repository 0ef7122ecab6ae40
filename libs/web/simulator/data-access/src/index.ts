export * from './lib/simulator-api';
