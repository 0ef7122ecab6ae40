export * from './lib/thread-state-chip';
