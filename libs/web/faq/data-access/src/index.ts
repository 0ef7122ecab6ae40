export * from './lib/faq-api';
