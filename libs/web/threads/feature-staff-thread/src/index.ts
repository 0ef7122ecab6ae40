export * from './lib/staff-thread-page';
