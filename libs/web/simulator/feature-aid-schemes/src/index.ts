export * from './lib/aid-grant-imports-page';
export * from './lib/aid-scheme-editor-page';
export * from './lib/aid-scheme-page';
export * from './lib/aid-schemes-page';
