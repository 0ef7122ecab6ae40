export * from './lib/faq-area';
export * from './lib/faq-editor-page';
export * from './lib/faq-entry-page';
export * from './lib/faq-list-page';
export * from './lib/faq-review-queue-page';
