export * from './lib/team-api';
export * from './lib/workspaces-admin-api';
