#!/usr/bin/env node
// Records the SHA-256 of each migration file in apps/api/src/database/migrations/checksums.json.
// A migration that has landed is history: databases in production ran that exact text, so editing it changes
// nothing there and silently splits the schema between old and new installations. The unit test
// (migrations.spec.ts) fails when a recorded file changes; this script only ever APPENDS the files not yet
// recorded, it never rewrites an existing entry.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HELP = `Usage: npm run migrations:checksum [-- --check]

Ajoute à apps/api/src/database/migrations/checksums.json l'empreinte SHA-256 des migrations qui n'y sont
pas encore (fins de ligne normalisées en \\n). Une empreinte déjà enregistrée n'est JAMAIS réécrite : une
migration publiée ne se modifie pas, on ajoute une nouvelle migration (nouveau fichier horodaté, inscrit
dans index.ts) qui corrige la précédente. Ensuite, mettez à jour l'instantané du schéma et relisez son diff :
  UPDATE_SCHEMA_SNAPSHOT=1 npx jest -c apps/api/jest.int.config.cts apps/api/test/schema-drift.int-spec.ts

  --check   n'écrit rien ; sort en erreur si une migration manque ou a changé
  --help    affiche cette aide

Records the SHA-256 of new migration files; never rewrites an existing entry. A landed migration is never
edited: add a new migration instead.`;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = join(ROOT, 'apps', 'api', 'src', 'database', 'migrations');
const FILE = join(DIR, 'checksums.json');
/** Same pattern and hash as migrations.spec.ts: `<13-digit timestamp>-<name>.ts`. */
const MIGRATION_FILE = /^\d{13}-[a-z0-9-]+\.ts$/;

function checksum(text) {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const unknown = args.filter((a) => a !== '--check');
if (unknown.length > 0) {
  console.error(`Option inconnue : ${unknown.join(' ')}\n\n${HELP}`);
  process.exit(2);
}
const check = args.includes('--check');

const recorded = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
const files = readdirSync(DIR).filter((f) => MIGRATION_FILE.test(f)).sort();
const added = [];
const changed = [];
for (const file of files) {
  const sum = checksum(readFileSync(join(DIR, file), 'utf8'));
  if (!(file in recorded)) {
    added.push(file);
    recorded[file] = sum;
  } else if (recorded[file] !== sum) {
    changed.push(file);
  }
}
const missing = Object.keys(recorded).filter((f) => !files.includes(f));

for (const file of changed) {
  console.error(
    `La migration ${file} a changé depuis son enregistrement : elle n'est pas réécrite. ` +
      `Restaurez-la et ajoutez une nouvelle migration.`,
  );
}
for (const file of missing) {
  console.error(`checksums.json cite ${file}, qui n'existe plus : une migration publiée ne se supprime pas.`);
}
if (check) {
  for (const file of added) console.error(`Migration non enregistrée : ${file} (npm run migrations:checksum).`);
  process.exit(changed.length + missing.length + added.length > 0 ? 1 : 0);
}
if (added.length > 0) {
  // Sorted keys: timestamps sort as text, so the file reads in migration order and diffs only add lines.
  const sorted = Object.fromEntries(Object.keys(recorded).sort().map((f) => [f, recorded[f]]));
  writeFileSync(FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  for (const file of added) console.log(`Enregistrée : ${file}`);
} else if (changed.length + missing.length === 0) {
  console.log(`Rien à ajouter (${relative(ROOT, FILE)}).`);
}
process.exit(changed.length + missing.length > 0 ? 1 : 0);
