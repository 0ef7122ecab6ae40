export * from './lib/seats-text';
export * from './lib/team-member-list';
