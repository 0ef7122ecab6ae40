export * from './lib/simulator-page';
