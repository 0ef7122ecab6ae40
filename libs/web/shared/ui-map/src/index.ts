export * from './lib/map-stylesheet';
export * from './lib/territory-map-styles';
export * from './lib/territory-map';
