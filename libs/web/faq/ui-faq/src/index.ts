export * from './lib/faq-answer';
export * from './lib/faq-entry-card';
export * from './lib/faq-feedback';
export * from './lib/faq-labels';
export * from './lib/faq-legal-references';
export * from './lib/faq-status-chip';
export * from './lib/personal-data-marks';
