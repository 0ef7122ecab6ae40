// Fills the public portal for the benchmark: 50,000 published projects over the communes of Val-d'Oise, in SQL.
// Titles, summaries and lessons draw from the vocabulary of real projects (accents included), so that a word
// such as "école" is in the projects of its topics only, about one project in twelve.
import pg from 'pg';

const TOPICS = [
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

export async function seedPublications(databaseUrl, { projects = 50_000 } = {}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE bench_topic (n int, theme text, title text, summary text) ON COMMIT DROP`);
    for (const [n, [theme, title, summary]] of TOPICS.entries()) {
      await client.query(`INSERT INTO bench_topic VALUES ($1, $2, $3, $4)`, [n, theme, title, summary]);
    }
    await client.query(`CREATE TEMP TABLE bench_place ON COMMIT DROP AS
      SELECT c.insee, c.name, c.population, c.canton_code, cn.name AS canton_name, c.latitude, c.longitude, row_number() OVER (ORDER BY c.insee) - 1 AS n
        FROM commune c LEFT JOIN canton cn ON cn.code = c.canton_code WHERE c.departement_code = '95' AND c.latitude IS NOT NULL`);
    const [{ places }] = (await client.query(`SELECT count(*)::int AS places FROM bench_place`)).rows;
    await client.query(
      `CREATE TEMP TABLE bench_project ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, g, t.theme, t.title || ' n° ' || g AS title, t.summary, p.insee, p.name, p.population, p.canton_code, p.canton_name,
              p.latitude + ((g::bigint * 7919) % 200 - 100) * 0.00008 AS latitude, p.longitude + ((g::bigint * 104729) % 200 - 100) * 0.00012 AS longitude,
              2018 + g % 9 AS year, ($3::text[])[1 + g % $4] AS advice
         FROM generate_series(1, $1::int) g
         JOIN bench_topic t ON t.n = g % ${TOPICS.length}
         JOIN bench_place p ON p.n = (g * 31) % $2`,
      [projects, places, ADVICE, ADVICE.length],
    );
    await client.query(`
      INSERT INTO project (id, commune_insee, title, summary, theme, status, progress, latitude, longitude, publication_state, lessons)
      SELECT id, insee, title, summary, theme, 'COMPLETED', 100, latitude, longitude, 'PUBLISHED',
             jsonb_build_object('problems', '', 'differently', '', 'advice', advice)
        FROM bench_project`);
    await client.query(`
      INSERT INTO project_publication (project_id, slug, departement_code, commune_insee, canton_code, theme, status, year, latitude, longitude,
                                       snapshot, project_version, published_at, reviewed_at)
      SELECT id, 'bench-' || g, '95', insee, canton_code, theme, 'COMPLETED', year, latitude, longitude,
             jsonb_build_object(
               'title', title, 'summary', summary, 'description', summary, 'objectives', '', 'theme', theme, 'status', 'COMPLETED',
               'startDate', year || '-03-01', 'endDate', year || '-09-30',
               'commune', jsonb_build_object('insee', insee, 'name', name, 'population', population, 'cantonName', canton_name),
               'location', jsonb_build_object('lat', latitude, 'lng', longitude, 'address', null),
               'forecastCostCents', 5000000 + g % 100 * 100000, 'finalCostCents', 5200000 + g % 100 * 100000, 'funding', null,
               'lessons', jsonb_build_object('problems', '', 'differently', '', 'advice', advice), 'photos', '[]'::jsonb, 'documents', '[]'::jsonb),
             1, make_date(year, 10, 1) + (g % 60), make_date(year, 10, 1) + (g % 60)
        FROM bench_project`);
    await client.query('COMMIT');
    // As autovacuum would soon after a bulk load: statistics and the visibility map (index-only counts).
    await client.query('VACUUM ANALYZE project_publication');
    return { projects, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
