export * from './lib/workspace-home-page';
