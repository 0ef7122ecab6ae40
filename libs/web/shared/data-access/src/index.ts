export * from './lib/api-base-url';
export * from './lib/public-config';
export * from './lib/service-status';
export * from './lib/page-title';
