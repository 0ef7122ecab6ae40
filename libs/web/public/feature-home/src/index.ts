export * from './lib/public-home-page';
