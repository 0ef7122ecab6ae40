export * from './lib/inbox-page';
export * from './lib/commune-file-page';
export * from './lib/answer-templates-page';
