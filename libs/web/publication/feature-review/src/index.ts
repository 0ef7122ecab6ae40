export * from './lib/publication-queue-page';
export * from './lib/publication-review-page';
