// Fills the département's inbox for the benchmark: 100 communes, 20,000 threads, 200,000 messages, in SQL.
// Most threads are old and closed, as in a real département after two years; the rest are spread over the
// other states. Subjects and messages draw from the vocabulary of real questions (accents included).
import pg from 'pg';

// One subject per topic, with sentences that belong to it; generic sentences go with every topic. A word such as
// "école" then appears in the threads of its topics, as in real questions, not in every thread.
export const TOPICS = [
  ['Subvention pour la rénovation de l’école', 'Le chantier de l’école doit se faire pendant les vacances d’été.', 'La cantine scolaire accueille 60 enfants.'],
  ['Dossier DETR pour la voirie communale', 'La chaussée de la rue principale est très dégradée.', 'Le dossier de DETR doit être déposé avant le 31 janvier.'],
  ['Calendrier des travaux d’assainissement', 'Le réseau d’eaux usées date des années 1970.', 'Le syndicat des eaux pilote la station d’épuration.'],
  ['Interlocuteur pour l’accessibilité de la mairie', 'La rampe d’accès ne respecte pas la pente réglementaire.', 'Les sanitaires doivent être adaptés aux fauteuils.'],
  ['Réglementation des coupes d’arbres sur la place', 'Les tilleuls de la place sont malades.', 'L’architecte des Bâtiments de France doit donner son accord.'],
  ['Aide départementale pour l’église', 'La toiture du clocher laisse passer l’eau.', 'La Fondation du patrimoine peut compléter le financement.'],
  ['Étapes pour créer une maison de santé', 'Deux médecins sont prêts à s’installer.', 'L’agence régionale de santé doit valider le projet.'],
  ['Financement de l’éclairage public à LED', 'Les lampadaires consomment trop d’électricité.', 'Le syndicat d’énergie finance une partie du remplacement.'],
  ['Permis d’aménager pour un parking', 'Le terrain communal se trouve à côté de la salle des fêtes.', 'Le plan local d’urbanisme classe la parcelle en zone U.'],
  ['Rénovation énergétique de la salle des fêtes', 'La chaudière au fioul doit être remplacée.', 'L’audit énergétique prévoit 45 % d’économie.'],
  ['Fonds vert pour la désimperméabilisation de la cour', 'La cour goudronnée sera remplacée par des espaces plantés.', 'Le Fonds vert finance la renaturation des sols.'],
  ['Sécurisation de la traversée du bourg', 'Les véhicules roulent trop vite devant la boulangerie.', 'Un plateau ralentisseur est envisagé.'],
];
export const GENERIC = [
  'Bonjour, pouvez-vous nous indiquer les pièces à fournir pour ce dossier ?',
  'Le conseil municipal a délibéré la semaine dernière, nous joignons la délibération.',
  'Les devis des entreprises dépassent l’estimation de 15 %, que nous conseillez-vous ?',
  'La préfecture demande l’attestation de non-commencement des travaux.',
  'Le plafond des aides publiques est de 80 % du coût hors taxes.',
  'Nous vous transmettons le diagnostic établi par le bureau d’études.',
  'Merci pour votre réponse rapide, nous revenons vers vous.',
  'La commune financera le reste sur ses fonds propres.',
];

/**
 * The columns of a seeded thread that follow from its state and creation time (`st.state`, `created`), from
 * `created_at` to `note_count`; `$3` is the number of messages per thread.
 */
export const THREAD_TIMES = `created, created + interval '3 days', created + interval '3 days',
              CASE WHEN st.state IN ('NEW', 'OPEN') THEN created + interval '7 days' END,
              CASE WHEN st.state = 'WAITING_COMMUNE' THEN created + interval '2 days' END,
              CASE WHEN st.state = 'CLOSED' THEN created + interval '3 days' END,
              CASE WHEN st.state <> 'NEW' THEN created + interval '1 day' END,
              CASE WHEN st.state <> 'NEW' THEN 86400000 END,
              $3 - 1, 1`;

export async function seedInbox(databaseUrl, { communes = 100, threads = 20_000, messagesPerThread = 10 } = {}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE bench_commune ON COMMIT DROP AS
      SELECT insee, row_number() OVER (ORDER BY insee) - 1 AS n FROM commune WHERE departement_code = '95' AND eligible ORDER BY insee LIMIT $1`, [communes]);
    await client.query(
      `INSERT INTO thread (commune_insee, departement_code, subject, category, state, assignee_id, created_at, last_activity_at,
                           last_public_activity_at, due_at, waiting_since, closed_at, first_response_at, first_response_ms,
                           public_message_count, note_count)
       SELECT bc.insee, '95', s.subjects[1 + (i % array_length(s.subjects, 1))] || ' (' || i || ')',
              (ARRAY['NEXT_STEPS', 'FUNDING', 'CONTACTS', 'REGULATION', 'OTHER'])[1 + i % 5],
              st.state,
              CASE WHEN i % 3 = 0 THEN NULL ELSE (SELECT id FROM app_user WHERE role = 'AGENT' ORDER BY email OFFSET (i % 2) LIMIT 1) END,
              ${THREAD_TIMES}
         FROM generate_series(0, $2 - 1) AS i
         CROSS JOIN (SELECT $4::text[] AS subjects) s
         JOIN bench_commune bc ON bc.n = i % $1
         CROSS JOIN LATERAL (SELECT now() - (i::float / $2) * interval '730 days' AS created) c
         -- i = 0 is the newest. The last two months (1 in 12) are mostly in progress; older threads mostly closed.
         CROSS JOIN LATERAL (SELECT CASE
              WHEN i < $2 / 12 AND i % 4 = 3 THEN 'CLOSED'
              WHEN i >= $2 / 12 AND i % 50 <> 7 THEN 'CLOSED'
              WHEN i % 5 = 0 THEN 'NEW' WHEN i % 5 = 1 THEN 'ANSWERED' WHEN i % 5 = 2 THEN 'OPEN'
              WHEN i % 5 = 3 THEN 'WAITING_COMMUNE' ELSE 'ANSWERED' END AS state) st`,
      [communes, threads, messagesPerThread, TOPICS.map((t) => t[0])],
    );
    await client.query(
      `INSERT INTO thread_message (thread_id, author_side, body, internal, created_at)
       SELECT t.id, CASE WHEN k % 2 = 0 THEN 'COMMUNE' ELSE 'DEPARTEMENT' END,
              s.generic[1 + ((hashtext(t.id::text) + k) & 1023) % array_length(s.generic, 1)] || ' ' ||
              CASE WHEN k % 3 = 0 THEN s.topical[1 + (substring(t.subject from '\\((\\d+)\\)$')::int % $4)][1 + k % 2] ELSE '' END,
              k = $1 - 1, t.created_at + k * interval '5 hours'
         FROM thread t CROSS JOIN generate_series(0, $1 - 1) AS k
         CROSS JOIN (SELECT $2::text[] AS generic, $3::text[][] AS topical) s
        WHERE t.departement_code = '95' AND t.subject ~ '\\(\\d+\\)$'`,
      [messagesPerThread, GENERIC, TOPICS.map((t) => t.slice(1)), TOPICS.length],
    );
    await client.query(
      `INSERT INTO thread_search (thread_id, departement_code, active, document)
       SELECT t.id, t.departement_code, t.state <> 'CLOSED', strip(to_tsvector('public.french_unaccent', t.subject || ' ' || coalesce(m.bodies, '')))
         FROM thread t JOIN (SELECT thread_id, string_agg(body, ' ' ORDER BY created_at) AS bodies FROM thread_message GROUP BY thread_id) m
           ON m.thread_id = t.id
       ON CONFLICT (thread_id) DO UPDATE SET active = excluded.active, document = excluded.document`,
    );
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE thread');
    await client.query('VACUUM ANALYZE thread_message');
    await client.query('VACUUM ANALYZE thread_search');
    const [{ threads: t, messages: m, active }] = (
      await client.query(
        `SELECT (SELECT count(*) FROM thread) AS threads, (SELECT count(*) FROM thread_message) AS messages,
                (SELECT count(*) FROM thread WHERE state <> 'CLOSED') AS active`,
      )
    ).rows;
    return { threads: Number(t), messages: Number(m), active: Number(active), seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
