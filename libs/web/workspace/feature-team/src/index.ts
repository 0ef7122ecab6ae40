export * from './lib/team-page';
