export * from './lib/administration-page';
