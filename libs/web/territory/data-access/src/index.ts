export * from './lib/territory-api';
export * from './lib/commune-suggestions';
