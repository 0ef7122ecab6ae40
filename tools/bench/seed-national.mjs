// The national scale of the benchmark: every commune of France, 200,000 projects of which 50,000 published, and
// 100,000 questions with 1,000,000 messages. Val-d'Oise stays the busy département whose agents are measured
// (20,000 questions, 200,000 messages: `seedInbox`); the rest is spread over the communes of every other département.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ANSWER_DELAY, GENERIC, MESSAGE_COLUMNS, THREAD_TIME_COLUMNS, THREAD_TIMES, TOPICS as THREAD_TOPICS, threadEventsSql } from './seed-inbox.mjs';

const root = resolve(import.meta.dirname, '../..');

// Titles and summaries from the vocabulary of real projects (accents included): a word such as "école" is in the
// projects of its topics only, about one project in twelve.
const PROJECT_TOPICS = [
  ['ECOLES_PETITE_ENFANCE', 'Rénovation énergétique de l’école', 'Isolation des combles et remplacement des menuiseries de l’école primaire.'],
  ['VOIRIE', 'Réfection de la voirie communale', 'Reprise de la chaussée et des trottoirs de la rue principale.'],
  ['EAU_ASSAINISSEMENT', 'Mise en séparatif du réseau d’assainissement', 'Les eaux de pluie ne vont plus à la station d’épuration.'],
  ['BATIMENTS_COMMUNAUX', 'Accessibilité de la mairie', 'Rampe d’accès, porte automatique et sanitaires adaptés.'],
  ['CULTURE_PATRIMOINE', 'Restauration du lavoir', 'Charpente et couverture en tuiles plates refaites avec les bénévoles.'],
  ['CULTURE_PATRIMOINE', 'Toiture de l’église', 'Le clocher ne laisse plus passer l’eau, avec la Fondation du patrimoine.'],
  ['SANTE_SOCIAL', 'Maison de santé pluriprofessionnelle', 'Deux médecins et une infirmière installés dans l’ancienne poste.'],
  ['ENERGIE_CLIMAT', 'Éclairage public à LED', 'Extinction nocturne et lanternes à LED : la facture a baissé de moitié.'],
  ['URBANISME_LOGEMENT', 'Aménagement du parking de la salle des fêtes', 'Parking perméable et plantations autour de la salle des fêtes.'],
  ['ENERGIE_CLIMAT', 'Chaufferie bois de la salle des fêtes', 'Une chaudière à plaquettes locales remplace le fioul.'],
  ['ENVIRONNEMENT_BIODIVERSITE', 'Désimperméabilisation de la cour', 'La cour goudronnée laisse place à des espaces plantés et ombragés.'],
  ['SECURITE', 'Sécurisation de la traversée du bourg', 'Plateaux ralentisseurs et passages piétons éclairés devant la boulangerie.'],
];
const ADVICE = [
  'Faire réaliser un diagnostic avant la consultation des entreprises.',
  'Associer les habitants dès l’esquisse, en réunion publique.',
  'Déposer le dossier de subvention avant de signer les devis.',
  'Prévoir 15 % d’aléas dans le budget.',
];

/** The département codes of the current communes in `@etalab/decoupage-administratif` (101 départements). */
export function departementCodes() {
  const require = createRequire(import.meta.url);
  const communes = JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'));
  return [...new Set(communes.filter((c) => c.type === 'commune-actuelle').map((c) => c.departement))].sort();
}

/** `import-communes` for every département, through the CLI as an operator runs it. */
export async function importAllCommunes(databaseUrl) {
  const started = Date.now();
  const codes = departementCodes();
  await promisify(execFile)(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'import-communes', ...codes], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ communes, departements }] = (
      await client.query(`SELECT (SELECT count(*)::int FROM commune) AS communes, (SELECT count(*)::int FROM departement) AS departements`)
    ).rows;
    return { communes, departements, seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

/**
 * The indicators' facts of every question (one `thread_fact` row each), rebuilt from the threads and their events
 * through the CLI as an operator runs it (`indicators-rebuild`), then analysed as autovacuum would.
 */
export async function rebuildIndicators(databaseUrl) {
  const started = Date.now();
  await promisify(execFile)(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'indicators-rebuild'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - started) / 1000;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE thread_fact');
    const [{ facts, valdoise, answered, backlog }] = (
      await client.query(
        `SELECT count(*)::int AS facts, count(*) FILTER (WHERE departement_code = '95')::int AS valdoise,
                count(*) FILTER (WHERE departement_code = '95' AND first_response_at IS NOT NULL)::int AS answered,
                count(*) FILTER (WHERE departement_code = '95' AND first_response_at IS NULL AND state <> 'CLOSED')::int AS backlog
           FROM thread_fact`,
      )
    ).rows;
    return { facts, valdoise, answered, backlog, seconds };
  } finally {
    await client.end();
  }
}

/**
 * Questions of the communes of the other départements (nobody assigned: their agents are not in the demo), with
 * their messages and their search documents, in the same shape as Val-d'Oise's.
 */
export async function seedNationalThreads(databaseUrl, { threads = 80_000, messagesPerThread = 10 } = {}) {
  return withTransaction(databaseUrl, async (client) => {
    await client.query(`CREATE TEMP TABLE bench_commune ON COMMIT DROP AS
      SELECT insee, departement_code, row_number() OVER (ORDER BY md5(insee)) - 1 AS n FROM commune WHERE departement_code <> '95'`);
    const [{ communes }] = (await client.query(`SELECT count(*)::int AS communes FROM bench_commune`)).rows;
    await client.query(
      `CREATE TEMP TABLE bench_thread ON COMMIT DROP AS
       WITH inserted AS (
         INSERT INTO thread (commune_insee, departement_code, subject, category, state, ${THREAD_TIME_COLUMNS})
         SELECT bc.insee, bc.departement_code, s.subjects[1 + i % array_length(s.subjects, 1)] || ' (' || i || ')',
                (ARRAY['NEXT_STEPS', 'FUNDING', 'CONTACTS', 'REGULATION', 'OTHER'])[1 + i % 5], st.state,
                ${THREAD_TIMES}
           FROM generate_series(0, $2 - 1) AS i
           CROSS JOIN (SELECT $4::text[] AS subjects) s
           JOIN bench_commune bc ON bc.n = (i * 7) % $1
           CROSS JOIN LATERAL (SELECT now() - (i::float / $2) * interval '730 days' AS created) c
           ${ANSWER_DELAY}
           -- One in 13 in progress (13 and the 12 topics share no factor: every topic has threads in progress).
           CROSS JOIN LATERAL (SELECT CASE WHEN i % 13 <> 5 THEN 'CLOSED' WHEN (i / 13) % 5 = 0 THEN 'NEW' WHEN (i / 13) % 5 = 1 THEN 'ANSWERED'
                                           WHEN (i / 13) % 5 = 2 THEN 'OPEN' ELSE 'WAITING_COMMUNE' END AS state) st
         RETURNING id, subject, created_at, state, first_response_at)
       SELECT id, substring(subject from '\\((\\d+)\\)$')::int AS i, created_at, state, first_response_at FROM inserted`,
      [communes, threads, messagesPerThread, THREAD_TOPICS.map((t) => t[0])],
    );
    await client.query(
      `INSERT INTO thread_message (thread_id, author_side, internal, created_at, body)
       SELECT t.id, ${MESSAGE_COLUMNS},
              s.generic[1 + ((hashtext(t.id::text) + k) & 1023) % array_length(s.generic, 1)] || ' ' ||
              CASE WHEN k % 3 = 0 THEN s.topical[1 + t.i % $4][1 + k % 2] ELSE '' END
         FROM bench_thread t CROSS JOIN generate_series(0, $1 - 1) AS k
         CROSS JOIN (SELECT $2::text[] AS generic, $3::text[][] AS topical) s`,
      [messagesPerThread, GENERIC, THREAD_TOPICS.map((t) => t.slice(1)), THREAD_TOPICS.length],
    );
    await client.query(threadEventsSql('bench_thread b JOIN thread t ON t.id = b.id', 'true'));
    await client.query(
      `INSERT INTO thread_search (thread_id, departement_code, active, document)
       SELECT t.id, th.departement_code, t.state <> 'CLOSED', strip(to_tsvector('public.french_unaccent', th.subject || ' ' || m.bodies))
         FROM bench_thread t JOIN thread th ON th.id = t.id
         JOIN LATERAL (SELECT string_agg(body, ' ' ORDER BY created_at) AS bodies FROM thread_message WHERE thread_id = t.id) m ON true
       ON CONFLICT (thread_id) DO UPDATE SET active = excluded.active, document = excluded.document`,
    );
    return { threads };
  });
}

/**
 * Projects over every commune of France: each commune gets its share, in every status; one in four is completed
 * and published (its reviewed snapshot in `project_publication`). Communes without a known position (no outline
 * shipped for their département) publish without a location, as a commune that did not place its project.
 */
export async function seedNationalProjects(databaseUrl, { projects = 200_000, published = 50_000 } = {}) {
  const every = Math.round(projects / published);
  return withTransaction(databaseUrl, async (client) => {
    await client.query(`CREATE TEMP TABLE bench_topic (n int, theme text, title text, summary text) ON COMMIT DROP`);
    for (const [n, [theme, title, summary]] of PROJECT_TOPICS.entries()) {
      await client.query(`INSERT INTO bench_topic VALUES ($1, $2, $3, $4)`, [n, theme, title, summary]);
    }
    await client.query(`CREATE TEMP TABLE bench_place ON COMMIT DROP AS
      SELECT c.insee, c.name, c.population, c.departement_code, c.canton_code, cn.name AS canton_name, c.latitude, c.longitude,
             row_number() OVER (ORDER BY md5(c.insee)) - 1 AS n
        FROM commune c LEFT JOIN canton cn ON cn.code = c.canton_code`);
    const [{ places }] = (await client.query(`SELECT count(*)::int AS places FROM bench_place`)).rows;
    await client.query(
      `CREATE TEMP TABLE bench_project ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, g, t.theme, t.title || ' n° ' || g AS title, t.summary, p.insee, p.name, p.population, p.departement_code,
              p.canton_code, p.canton_name,
              p.latitude + ((g::bigint * 7919) % 200 - 100) * 0.00008 AS latitude, p.longitude + ((g::bigint * 104729) % 200 - 100) * 0.00012 AS longitude,
              2018 + g % 9 AS year, ($3::text[])[1 + (g / $5) % $4] AS advice, g % $5 = 0 AS published,
              (ARRAY['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED'])[1 + (g / $5) % 4] AS draft_status
         FROM generate_series(1, $1::int) g
         -- Every topic among the published ones too (one in $5): g + g / $5 runs through all the topics.
         JOIN bench_topic t ON t.n = (g + g / $5) % ${PROJECT_TOPICS.length}
         JOIN bench_place p ON p.n = (g::bigint * 31) % $2`,
      [projects, places, ADVICE, ADVICE.length, every],
    );
    await client.query(`
      INSERT INTO project (id, commune_insee, title, summary, theme, status, progress, latitude, longitude, publication_state, lessons)
      SELECT id, insee, title, summary, theme, CASE WHEN published THEN 'COMPLETED' ELSE draft_status END,
             CASE WHEN published OR draft_status = 'COMPLETED' THEN 100 WHEN draft_status = 'IN_PROGRESS' THEN 50 ELSE 0 END,
             latitude, longitude, CASE WHEN published THEN 'PUBLISHED' ELSE 'PRIVATE' END,
             jsonb_build_object('problems', '', 'differently', '', 'advice', advice)
        FROM bench_project`);
    await client.query(`
      INSERT INTO project_publication (project_id, slug, departement_code, commune_insee, canton_code, theme, status, year, latitude, longitude,
                                       snapshot, project_version, published_at, reviewed_at)
      SELECT id, 'national-' || g, departement_code, insee, canton_code, theme, 'COMPLETED', year, latitude, longitude,
             jsonb_build_object(
               'title', title, 'summary', summary, 'description', summary, 'objectives', '', 'theme', theme, 'status', 'COMPLETED',
               'startDate', year || '-03-01', 'endDate', year || '-09-30',
               'commune', jsonb_build_object('insee', insee, 'name', name, 'population', population, 'cantonName', canton_name),
               'location', CASE WHEN latitude IS NULL THEN NULL ELSE jsonb_build_object('lat', latitude, 'lng', longitude, 'address', null) END,
               'forecastCostCents', 5000000 + g % 100 * 100000, 'finalCostCents', 5200000 + g % 100 * 100000, 'funding', null,
               'lessons', jsonb_build_object('problems', '', 'differently', '', 'advice', advice), 'photos', '[]'::jsonb, 'documents', '[]'::jsonb),
             1, make_date(year, 10, 1) + (g % 60), make_date(year, 10, 1) + (g % 60)
        FROM bench_project WHERE published`);
    return { projects, published: Math.floor(projects / every) };
  });
}

/** As autovacuum would soon after a bulk load: statistics and the visibility map (index-only counts). */
export async function analyzeAll(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const table of ['commune', 'project', 'project_publication', 'thread', 'thread_message', 'thread_search', 'thread_event']) {
      await client.query(`VACUUM ANALYZE ${table}`);
    }
  } finally {
    await client.end();
  }
}

async function withTransaction(databaseUrl, work) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return { ...result, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
