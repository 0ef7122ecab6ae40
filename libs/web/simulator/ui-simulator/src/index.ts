export * from './lib/simulation-csv';
export * from './lib/simulation-labels';
export * from './lib/simulation-result-view';
