import baseConfig from "../../eslint.config.mjs";

/**
 * Dependencies inside the API point one way (STYLE.md, "Boundaries"): features → common/, config/, database/;
 * demo/ → features, never the reverse. `@nx/enforce-module-boundaries` only sees projects, so the folders of
 * src/ are checked here with `no-restricted-imports` (cheap, unlike `import/no-cycle`).
 */
const FEATURES = [
  'accounts', 'audit', 'auth', 'documents', 'faq', 'files', 'geocoding', 'health', 'live', 'mail', 'me', 'notifications',
  'projects', 'public-portal', 'publication', 'settings', 'simulator', 'staff', 'territory', 'threads', 'workspaces',
];

/** A relative import of folder `name` of src/ from anywhere below src/ (`../x/…`, `../../x/…`). */
const folder = (name, rest = '(/|$)') => `^(\\.\\./)+${name}${rest}`;
const forbid = (name, message, rest) => ({ regex: folder(name, rest), message });

/** Folder of src/ → the folders it must not import, and why. */
const FORBIDDEN = {
  // Infrastructure knows no feature.
  common: FEATURES.map((f) => forbid(f, 'common/ est transverse : il n’importe aucune fonctionnalité.')).concat(forbid('demo', 'common/ n’importe pas demo/.'), forbid('database', 'common/ n’importe pas database/ : les aides SQL pures sont dans common/sql/.')),
  config: FEATURES.map((f) => forbid(f, 'config/ n’importe aucune fonctionnalité.')).concat(forbid('demo', 'config/ n’importe pas demo/.')),
  // The instances' shared infrastructure (bus, Redis, jobs) knows no feature: features register with it.
  cluster: FEATURES.map((f) => forbid(f, 'cluster/ est transverse : il n’importe aucune fonctionnalité.')).concat(forbid('demo', 'cluster/ n’importe pas demo/.')),
  jobs: FEATURES.map((f) => forbid(f, 'jobs/ est transverse : les fonctionnalités y inscrivent leurs tâches.')).concat(forbid('demo', 'jobs/ n’importe pas demo/.')),
  database: FEATURES.map((f) => forbid(f, 'database/ n’importe aucune fonctionnalité : les données de démonstration sont dans demo/.')).concat(forbid('demo', 'database/ n’importe pas demo/ : c’est demo/ qui utilise les fonctionnalités.')),
  // files/ (stored files and the document read model) is a leaf shared by projects, documents, threads, the portal.
  files: FEATURES.filter((f) => f !== 'files').map((f) => forbid(f, 'files/ ne dépend d’aucune fonctionnalité.')),
  // auth builds on the users' store; the signed-in user's own account (me/) builds on both.
  accounts: ['auth', 'me'].map((f) => forbid(f, 'accounts/ (les comptes) ne dépend pas de auth/ ni de me/ : c’est l’inverse.')),
  auth: [forbid('me', 'auth/ ne dépend pas de me/ : c’est l’inverse.')],
  // A document follows its project's rules (access, history): documents → projects, never the reverse.
  projects: [forbid('documents', 'projects/ ne dépend pas de documents/ (c’est l’inverse) : lisez les documents via files/document.mapper.')],
  // Threads notify; notifications know nothing of threads (the Paris calendar is in common/calendar/).
  notifications: [forbid('threads', 'notifications/ ne dépend pas de threads/ : c’est l’inverse.')],
};

const NO_DEMO_MESSAGE = 'Aucune fonctionnalité n’importe demo/ : c’est demo/ qui utilise les fonctionnalités.';
/** settings/ only lists the demo accounts (plain data) on the sign-in page of a demo instance. */
const noDemo = (name) => forbid('demo', NO_DEMO_MESSAGE, name === 'settings' ? '/(?!demo-accounts$)' : undefined);

const boundaries = [...Object.keys(FORBIDDEN), ...FEATURES.filter((f) => !(f in FORBIDDEN))].map((name) => ({
  files: [`src/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...(FORBIDDEN[name] ?? []), ...(FEATURES.includes(name) ? [noDemo(name)] : [])] },
    ],
  },
}));

export default [
    ...baseConfig,
    ...boundaries,
];
