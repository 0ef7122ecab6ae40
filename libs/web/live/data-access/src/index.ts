export * from './lib/live-updates';
