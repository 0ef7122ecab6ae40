export * from './lib/notifications-page';
export * from './lib/unsubscribe-page';
