export * from './lib/agents-panel';
export * from './lib/failed-mails-panel';
export * from './lib/workspaces-panel';
