// Fills the FAQ for the benchmark of suggestions: 5,000 entries in all, from the demo FAQ's 28 answers written again
// for the topics of the bench's questions — 3,000 of Val-d'Oise (of which 2,500 published), 500 national rules of
// other départements, the rest local entries of other départements. In SQL, then the vocabulary and the statistics.
import pg from 'pg';
import { TOPICS } from './seed-inbox.mjs';

export async function seedFaq(databaseUrl, { entries = 5_000 } = {}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    const [{ count: demo }] = (await client.query(`SELECT count(*)::int AS count FROM faq_entry`)).rows;
    await client.query(
      `INSERT INTO faq_entry (departement_code, scope, visibility, status, title, answer, theme, category, legal_references,
                              author_id, version, view_count, helpful_yes, helpful_no, published_at, created_at, updated_at)
       SELECT CASE WHEN i % 10 < 6 THEN '95' ELSE d.codes[1 + i % array_length(d.codes, 1)] END,
              CASE WHEN i % 10 = 9 THEN 'NATIONAL' ELSE 'DEPARTEMENT' END,
              CASE WHEN i % 3 = 0 THEN 'COMMUNES' ELSE 'PUBLIC' END,
              CASE WHEN i % 6 = 5 THEN (ARRAY['DRAFT', 'IN_REVIEW', 'ARCHIVED'])[1 + i % 3] ELSE 'PUBLISHED' END,
              left(e.title || ' (' || t.topics[1 + i % array_length(t.topics, 1)] || ')', 200),
              t.topics[1 + (i / 7) % array_length(t.topics, 1)] || '. ' || e.answer,
              e.theme, e.category, e.legal_references, e.author_id, 1, i % 300, i % 40, i % 7, now(), now(), now()
         FROM generate_series(0, $1 - 1) AS i
         CROSS JOIN LATERAL (SELECT * FROM faq_entry ORDER BY created_at, id OFFSET (i % $2) LIMIT 1) e
         CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM departement WHERE code <> '95') d
         CROSS JOIN (SELECT $3::text[] AS topics) t`,
      [entries - demo, demo, TOPICS.map((topic) => topic[0])],
    );
    await client.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY faq_vocabulary`);
    await client.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY faq_lexeme`);
    await client.query(`VACUUM ANALYZE faq_entry`);
    await client.query(`VACUUM ANALYZE faq_term`);
    const [{ total, published }] = (
      await client.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'PUBLISHED' AND departement_code = '95')::int AS published FROM faq_entry`)
    ).rows;
    return { entries: total, published, seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
