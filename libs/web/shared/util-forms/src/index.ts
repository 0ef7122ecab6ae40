export * from './lib/bind-search-field';
export * from './lib/busy-flag';
