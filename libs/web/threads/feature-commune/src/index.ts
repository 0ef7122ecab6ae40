export * from './lib/commune-threads-page';
export * from './lib/ask-question-page';
export * from './lib/commune-thread-page';
