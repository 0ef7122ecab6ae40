export * from './lib/french-paginator-intl';
