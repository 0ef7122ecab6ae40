export * from './lib/notification-center';
export * from './lib/notifications-api';
