import nx from '@nx/eslint-plugin';

/**
 * Boundaries of STYLE.md: scope (api / web / shared) and type (app, feature, data-access, ui, util, dto).
 * Every project carries one scope tag and one type tag; a tag without a rule here enforces nothing.
 */
const depConstraints = [
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:dto'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util', 'type:dto'],
  },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:dto'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:dto'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:dto'] },
  { sourceTag: 'type:dto', onlyDependOnLibsWithTags: ['type:dto'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:dto'] },
  { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:dto'] },
];

/** Framework packages each scope must never import (checked on the import, not only on projects). */
const bannedExternalImports = {
  'scope:api': ['@angular/*', 'leaflet'],
  'scope:web': ['@nestjs/*', 'typeorm', 'pg', 'class-validator', 'class-transformer', 'fastify', '@fastify/*'],
  'scope:shared': ['@nestjs/*', '@angular/*', 'typeorm', 'pg', 'class-validator', 'class-transformer', 'rxjs'],
};
for (const constraint of depConstraints) {
  const banned = bannedExternalImports[constraint.sourceTag];
  if (banned) {
    constraint.bannedExternalImports = banned;
  }
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/.data', '**/.nx', '**/node_modules', '**/coverage', '**/test-output'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints,
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      curly: 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
];
