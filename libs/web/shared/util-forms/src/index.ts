export * from './lib/bind-search-field';
