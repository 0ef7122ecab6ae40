export * from './lib/newsletter-subscribe-page';
export * from './lib/newsletter-confirm-page';
export * from './lib/newsletter-unsubscribe-page';
