export * from './lib/departement-indicators-page';
export * from './lib/public-indicators-page';
