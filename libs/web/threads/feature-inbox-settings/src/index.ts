export * from './lib/labels-panel';
export * from './lib/response-target-panel';
export * from './lib/routing-rules-panel';
