export * from './lib/open-data-page';
export * from './lib/accessibility-page';
export * from './lib/legal-notice-page';
