export * from './lib/publication-choices';
export * from './lib/publication-kind-chip';
export * from './lib/publication-log';
export * from './lib/publication-views-chart';
