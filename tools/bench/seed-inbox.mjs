// Fills the département's inbox for the benchmark: 100 communes, 20,000 threads, 200,000 messages, in SQL.
// Most threads are old and closed, as in a real département after two years; the rest are spread over the
// other states. Each has its first answer and its changes of state (thread_event) as the threads' service writes
// them, so that the indicators' facts rebuilt from them (indicators-rebuild) are realistic. Subjects and messages draw from the vocabulary of real questions (accents included).
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
 * How long a seeded thread waited for its first answer, drawn from its number `i` (calendar hours: a few within the
 * morning, most within one to three days, a tail of one to two weeks), never later than a third of its age. A lateral
 * join giving `d.delay`, after the one giving `created`.
 */
export const ANSWER_DELAY = `CROSS JOIN LATERAL (SELECT greatest(interval '1 minute', least((now() - created) / 3,
              (ARRAY[1.5, 3, 5, 20, 22, 24, 26, 28, 44, 46, 48, 50, 70, 72, 96, 98, 120, 150, 200, 300])[1 + abs(hashtext(i || '/delay')) % 20] * interval '1 hour')) AS delay) d`;

/**
 * The columns of a seeded thread that follow from its state, creation time and answer delay (`st.state`, `created`,
 * `d.delay`), from `created_at` to `note_count`, then its satisfaction and effort; `$3` is the number of messages per
 * thread. Messages: the question at `created`, the first answer at `created + d.delay` (a note instead while the
 * thread is `NEW`), then one every 5 hours; a closed thread is closed a day after its last message; half of the
 * closed ones have a satisfaction score, a third an effort score.
 */
export const THREAD_TIMES = `created,
              coalesce(CASE WHEN st.state = 'CLOSED' THEN ${lastMessage()} + interval '1 day' END, ${lastMessage()}),
              coalesce(CASE WHEN st.state = 'CLOSED' THEN ${lastMessage()} + interval '1 day' END, ${lastMessage()}),
              CASE WHEN st.state = 'NEW' THEN created + interval '7 days' WHEN st.state = 'OPEN' THEN ${lastMessage()} + interval '7 days' END,
              CASE WHEN st.state = 'WAITING_COMMUNE' THEN ${lastMessage()} END,
              CASE WHEN st.state = 'CLOSED' THEN ${lastMessage()} + interval '1 day' END,
              CASE WHEN st.state <> 'NEW' THEN created + d.delay END,
              CASE WHEN st.state <> 'NEW' THEN (extract(epoch FROM d.delay) * 1000)::bigint END,
              CASE WHEN st.state = 'NEW' THEN ($3::int + 1) / 2 ELSE $3::int - 1 END, CASE WHEN st.state = 'NEW' THEN $3::int / 2 ELSE 1 END,
              CASE WHEN st.state = 'CLOSED' AND ${rated()} THEN (ARRAY[5, 4, 5, 3, 4, 5, 2, 4, 5, 1])[1 + abs(hashtext(i::text)) % 10] END,
              CASE WHEN st.state = 'CLOSED' AND ${rated()} THEN ${lastMessage()} + interval '1 day 2 hours' END,
              CASE WHEN st.state = 'CLOSED' AND ${rated()} AND abs(hashtext(i || '/effort')) % 3 < 2
                   THEN (ARRAY[7, 6, 6, 4, 5, 7, 3, 5, 6, 1])[1 + abs(hashtext(i::text)) % 10] END`;

/** The thread columns `THREAD_TIMES` fills, in its order. */
export const THREAD_TIME_COLUMNS = `created_at, last_activity_at, last_public_activity_at, due_at, waiting_since, closed_at, first_response_at,
                           first_response_ms, public_message_count, note_count, satisfaction_score, satisfaction_at, effort_score`;

/** Whether the commune of seeded thread `i` gave its opinion at closure (one in two, whatever the thread's state or topic). */
function rated() {
  return `abs(hashtext(i || '/rated')) % 2 = 0`;
}

/** The time of the last message of a seeded thread (see `THREAD_TIMES`). */
function lastMessage() {
  return `(CASE WHEN st.state = 'NEW' THEN created + interval '1 hour' ELSE created + d.delay END + ($3::int - 2) * interval '5 hours')`;
}

/**
 * A seeded message's author side, note flag and time, over `t` (a thread written by `THREAD_TIMES`) and `k` (its
 * rank, from 0); `$1` is the number of messages per thread. The département's messages are notes while the thread
 * waits for its first answer, and the last message is always one.
 */
export const MESSAGE_COLUMNS = `CASE WHEN k % 2 = 0 THEN 'COMMUNE' ELSE 'DEPARTEMENT' END AS author_side,
              k = $1::int - 1 OR (k % 2 = 1 AND t.first_response_at IS NULL) AS internal,
              CASE WHEN k = 0 THEN t.created_at ELSE coalesce(t.first_response_at, t.created_at + interval '1 hour') + (k - 1) * interval '5 hours' END AS created_at`;

/**
 * The changes of state of seeded threads (`t`, in `from`, those that match `where`), as the threads' service records them: answered, and
 * then as their state says — reopened by the commune (OPEN), paused for the commune (WAITING_COMMUNE) or closed; one
 * closed thread in eight was paused on the way, one in twenty-five reopened and closed again. Times follow the
 * messages (`MESSAGE_COLUMNS`): the answer at `first_response_at`, the commune's reply 5 hours later, and so on.
 */
export function threadEventsSql(from, where) {
  return `INSERT INTO thread_event (thread_id, at, kind, from_state, to_state)
       SELECT t.id, e.at, 'STATE_CHANGED', e.from_state, e.to_state
         FROM ${from}
         CROSS JOIN LATERAL (SELECT t.first_response_at AS fr, t.state = 'CLOSED' AND abs(hashtext(t.id::text)) % 8 = 0 AS paused,
                                    t.state = 'CLOSED' AND abs(hashtext(t.id::text || '/')) % 25 = 0 AS reopened) x
         CROSS JOIN LATERAL (VALUES
           (1, x.fr, 'NEW', 'ANSWERED', true),
           (2, x.fr + interval '1 hour', 'ANSWERED', 'WAITING_COMMUNE', x.paused),
           (3, x.fr + interval '5 hours', 'WAITING_COMMUNE', 'OPEN', x.paused),
           (4, x.fr + interval '10 hours', 'OPEN', 'ANSWERED', x.paused),
           (5, x.fr + interval '11 hours', 'ANSWERED', 'CLOSED', x.reopened),
           (6, x.fr + interval '14 hours', 'CLOSED', 'OPEN', x.reopened),
           (7, x.fr + interval '20 hours', 'OPEN', 'ANSWERED', x.reopened),
           (8, t.closed_at, 'ANSWERED', 'CLOSED', t.state = 'CLOSED'),
           (9, x.fr + interval '5 hours', 'ANSWERED', 'OPEN', t.state = 'OPEN'),
           (10, t.waiting_since, 'ANSWERED', 'WAITING_COMMUNE', t.state = 'WAITING_COMMUNE')
         ) AS e(n, at, from_state, to_state, happened)
        WHERE ${where} AND t.first_response_at IS NOT NULL AND e.happened
        ORDER BY t.id, e.n`;
}

export async function seedInbox(databaseUrl, { communes = 100, threads = 20_000, messagesPerThread = 10 } = {}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE bench_commune ON COMMIT DROP AS
      SELECT insee, row_number() OVER (ORDER BY insee) - 1 AS n FROM commune WHERE departement_code = '95' AND eligible ORDER BY insee LIMIT $1`, [communes]);
    await client.query(
      `INSERT INTO thread (commune_insee, departement_code, subject, category, state, assignee_id, ${THREAD_TIME_COLUMNS})
       SELECT bc.insee, '95', s.subjects[1 + (i % array_length(s.subjects, 1))] || ' (' || i || ')',
              (ARRAY['NEXT_STEPS', 'FUNDING', 'CONTACTS', 'REGULATION', 'OTHER'])[1 + i % 5],
              st.state,
              CASE WHEN i % 3 = 0 THEN NULL ELSE (SELECT id FROM app_user WHERE role = 'AGENT' ORDER BY email OFFSET (i % 2) LIMIT 1) END,
              ${THREAD_TIMES}
         FROM generate_series(0, $2 - 1) AS i
         CROSS JOIN (SELECT $4::text[] AS subjects) s
         JOIN bench_commune bc ON bc.n = i % $1
         CROSS JOIN LATERAL (SELECT now() - (i::float / $2) * interval '730 days' AS created) c
         ${ANSWER_DELAY}
         -- i = 0 is the newest. The last two months (1 in 12) are mostly in progress; older threads mostly closed.
         CROSS JOIN LATERAL (SELECT CASE
              WHEN i < $2 / 12 AND i % 4 = 3 THEN 'CLOSED'
              WHEN i >= $2 / 12 AND i % 50 <> 7 THEN 'CLOSED'
              WHEN i % 5 = 0 THEN 'NEW' WHEN i % 5 = 1 THEN 'ANSWERED' WHEN i % 5 = 2 THEN 'OPEN'
              WHEN i % 5 = 3 THEN 'WAITING_COMMUNE' ELSE 'ANSWERED' END AS state) st`,
      [communes, threads, messagesPerThread, TOPICS.map((t) => t[0])],
    );
    await client.query(
      `INSERT INTO thread_message (thread_id, author_side, internal, created_at, body)
       SELECT t.id, ${MESSAGE_COLUMNS},
              s.generic[1 + ((hashtext(t.id::text) + k) & 1023) % array_length(s.generic, 1)] || ' ' ||
              CASE WHEN k % 3 = 0 THEN s.topical[1 + (substring(t.subject from '\\((\\d+)\\)$')::int % $4)][1 + k % 2] ELSE '' END
         FROM thread t CROSS JOIN generate_series(0, $1 - 1) AS k
         CROSS JOIN (SELECT $2::text[] AS generic, $3::text[][] AS topical) s
        WHERE t.departement_code = '95' AND t.subject ~ '\\(\\d+\\)$'`,
      [messagesPerThread, GENERIC, TOPICS.map((t) => t.slice(1)), TOPICS.length],
    );
    await client.query(threadEventsSql('thread t', `t.departement_code = '95' AND t.subject ~ '\\(\\d+\\)$'`));
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
    await client.query('VACUUM ANALYZE thread_event');
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
