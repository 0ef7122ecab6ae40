export * from './lib/location-map';
export * from './lib/map-stylesheet';
export * from './lib/point-in-outline';
export * from './lib/territory-map-styles';
export * from './lib/territory-map';
export * from './lib/project-cluster-map-view';
export * from './lib/project-cluster-map';
export * from './lib/map-motion';
