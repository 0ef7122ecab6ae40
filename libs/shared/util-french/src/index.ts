export * from './lib/place-names';
