export * from './lib/eligibility-badge';
export * from './lib/commune-details';
export * from './lib/commune-table';
