// `npm run bench`: starts the built app on a throwaway database seeded at national scale (every commune of France,
// 200,000 projects of which 50,000 published, 100,000 questions and 1,000,000 messages, their indicators' facts
// rebuilt) and measures the endpoints with autocannon (50 connections). Prints p50/p95/p99 latency and requests per
// second for each, and the size of the JavaScript the public home page loads first.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startServer } from '../testing/built-app.mjs';
import { seedFaq } from './seed-faq.mjs';
import { seedInbox } from './seed-inbox.mjs';
import { analyzeAll, departementCodes, importAllCommunes, rebuildIndicators, seedNationalProjects, seedNationalThreads } from './seed-national.mjs';
import { frameworkOverhead, oneVersusTwoInstances } from './side-by-side.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
/**
 * `BENCH_ONLY=publi` measures only the endpoints whose name contains it (the seeding stays the same);
 * `BENCH_ONLY=corps` runs only the hostile-body measure, on an empty database (no seeding, no browser).
 */
const ONLY = process.env.BENCH_ONLY ?? '';
const HOSTILE_BODIES = 'corps JSON refusés';
/** `BENCH_ONLY=surcoût` (or `instances`): only the side-by-side measures, after the same seeding. */
const OVERHEAD = 'surcoût du cadriciel';
const INSTANCES = 'une ou deux instances';
const SIDE_BY_SIDE_PATHS = ['/api/departements/95/communes?limit=100', '/api/public/projects?departement=95'];

const ENDPOINTS = [
  { name: 'communes, page de 100', path: '/api/departements/95/communes?limit=100', targetP95: 25 },
  { name: 'communes, recherche « saint »', path: '/api/departements/95/communes?q=saint' },
  { name: 'commune par code INSEE', path: '/api/communes/95002' },
  { name: 'contours GeoJSON (183 communes)', path: '/api/departements/95/communes.geojson' },
  { name: 'santé', path: '/api/health' },
  // The public portal: 50,000 published projects over France, a département's share in its own portal.
  { name: 'carte publique, tout le département', path: '/api/public/projects.geojson?departement=95&zoom=9', targetP95: 50 },
  { name: 'carte publique, vue zoomée', path: '/api/public/projects.geojson?departement=95&zoom=13&bbox=1.95,49.05,2.05,49.12' },
  { name: 'carte publique, toute la France', path: '/api/public/projects.geojson?zoom=6' },
  { name: 'recherche publique « ecole »', path: '/api/public/projects?departement=95&q=ecole', targetP95: 50 },
  { name: 'recherche « lavoir » + thème', path: '/api/public/projects?departement=95&q=lavoir&theme=CULTURE_PATRIMOINE' },
  { name: 'recherche « ecole », toute la France', path: '/api/public/projects?q=ecole' },
  // Every request different (département, word, page size, page): no answer kept from a previous request serves it.
  { name: 'recherches toutes différentes', path: '/api/public/projects?departement=95&q=ecole', varied: () => variedSearch(true), targetP95: 50 },
  // Beyond the target: the public portal searches one département; over all of France (no département, the API
  // only) each word matches 4,000 projects to rank.
  { name: 'recherches toutes différentes, France', path: '/api/public/projects?q=ecole', varied: () => variedSearch(false) },
  { name: 'projets publiés, plus récents', path: '/api/public/projects?departement=95' },
  { name: 'projets publiés, plus récents, France', path: '/api/public/projects' },
  { name: 'projet publié par adresse', path: '/api/public/projects/national-4240' },
  // The agents' inbox of Val-d'Oise, signed in: 20,000 threads and 200,000 messages of its own among 100,000 and
  // 1,000,000 in all; 20 agents at once.
  { name: 'boîte des agents, file par défaut', path: '/api/inbox', targetP95: 50, connections: 20, agent: true },
  { name: 'boîte des agents, recherche « ecole »', path: '/api/inbox?q=ecole', targetP95: 50, connections: 20, agent: true },
  // A search over two years of closed threads as well.
  { name: 'boîte, recherche, tous les états', path: '/api/inbox?q=subvention%20ecole&state=ALL', targetP95: 100, connections: 20, agent: true },
  { name: 'boîte, en retard, par activité', path: '/api/inbox?overdue=true&sort=activity', connections: 20, agent: true },
  // A mayor typing a question: 5,000 FAQ entries (2,500 published in Val-d'Oise) and the commune's open questions;
  // every request a different title, as typed so far.
  { name: 'suggestions pendant la saisie', path: '/api/faq/suggest?title=subvention', varied: () => typedQuestion(), targetP95: 30, connections: 20, mayor: true },
  // The département's dashboard, as its admin opens it (every figure, the backlog, the weeks, the cantons, the
  // projects) over Val-d'Oise's 20,000 questions among the 100,000 facts: the last 30 days, then a year.
  { name: 'indicateurs, 30 jours', path: '/api/departements/95/indicators', targetP95: 100, connections: 20, admin: true },
  { name: 'indicateurs, un an par canton', path: `/api/departements/95/indicators?${lastYear()}&groupBy=canton`, targetP95: 100, connections: 20, admin: true },
  // The figures computed once are kept while the questions do not change (the département's stamp): here every
  // request asks for another period and breakdown, so that each one is computed — the dashboard's cold cost.
  { name: 'indicateurs, périodes variées', path: '/api/departements/95/indicators', varied: () => variedPeriod(), connections: 20, admin: true },
];

/**
 * From 7 to 90 days ending on any day of the last year, by any breakdown: 150,000 different requests, so that a
 * run's thousands rarely ask the same one twice.
 */
function variedPeriod() {
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  const end = Date.now() - Math.floor(Math.random() * 365) * 86_400_000;
  const days = 7 + Math.floor(Math.random() * 84);
  const groups = ['canton', 'category', 'label', 'sizeBand', 'agent'];
  return `/api/departements/95/indicators?from=${day(end - (days - 1) * 86_400_000)}&to=${day(end)}&groupBy=${groups[Math.floor(Math.random() * groups.length)]}`;
}

/** `from=…&to=…`: the year up to today, in Paris (as the page's « année » asks). */
function lastYear() {
  const day = (date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date);
  const today = day(new Date());
  const from = new Date(Date.parse(`${today}T12:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  return `from=${from}&to=${today}`;
}

/** What a mayor has typed so far of one of these questions (the suggestions start at 8 characters). */
const TYPED_QUESTIONS = [
  'subvension pour refaire la toiture de la mairie',
  'detr dossier quand deposer',
  'a partir de combien faut faire un appel d offre',
  'permis de construire ou declaration prealable pour un abri',
  'frais de scolarite commune voisine obligé de payer',
  'reprendre tombe abandonnée procedure',
  'entretien chemin rural obligatoire',
  'couper eclairage public la nuit economies',
  'transfert compétence eau assainissement intercommunalite',
  'accessibilite handicapes salle des fetes obligations',
  'Rénovation énergétique de la salle des fêtes, quelles aides ?',
  'inscription liste electorale date limite',
];

function typedQuestion() {
  const question = TYPED_QUESTIONS[Math.floor(Math.random() * TYPED_QUESTIONS.length)];
  const typed = question.slice(0, 8 + Math.floor(Math.random() * (question.length - 7)));
  return `/api/faq/suggest?title=${encodeURIComponent(typed)}`;
}

async function signIn(url, email) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: process.env.DEMO_PASSWORD ?? 'Passerelle-Vexin-2026' }),
  });
  const body = await res.json();
  if (!body.accessToken) {
    throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(body)}`);
  }
  return `Bearer ${body.accessToken}`;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// The API addresses départements and overseas départements (DEPARTEMENT_CODE_PATTERN); the communes of the overseas
// collectivities (984 to 989) are imported with the others but have no portal of their own.
const DEPARTEMENTS = departementCodes().filter((code) => /^(?:\d{2}|2[AB]|97\d)$/.test(code));

function variedSearch(inOneDepartement) {
  const departement = DEPARTEMENTS[Math.floor(Math.random() * DEPARTEMENTS.length)];
  const words = ['ecole', 'lavoir', 'voirie', 'eglise', 'eclairage', 'assainissement', 'mairie', 'sante', 'cour', 'bourg', 'parking', 'chaufferie'];
  const word = words[Math.floor(Math.random() * words.length)];
  const limit = 1 + Math.floor(Math.random() * 100);
  const offset = Math.floor(Math.random() * 200);
  const scope = inOneDepartement ? `departement=${departement}&` : '';
  return `/api/public/projects?${scope}q=${word}&limit=${limit}&offset=${offset}`;
}

function run(url, connections = CONNECTIONS, headers = {}, varied = null) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let errors = 0;
    const requests = varied ? [{ setupRequest: (request) => ({ ...request, path: varied() }) }] : undefined;
    const instance = autocannon({ url, connections, duration: DURATION, headers, requests }, (err, result) => {
      if (err) {
        reject(err);
        return;
      }
      latencies.sort((a, b) => a - b);
      resolve({ result, latencies, errors });
    });
    instance.on('response', (_client, status, _bytes, time) => {
      if (status >= 400) {
        errors += 1;
      }
      latencies.push(time);
    });
  });
}

const selected = ENDPOINTS.filter((e) => e.name.includes(ONLY));
// Suggestions are limited per account (120 a minute): a load test from one account would measure the 429s.
const server = await startServer({ env: { RATE_LIMIT: 'false' } });
let failed = false;
try {
  if (HOSTILE_BODIES.includes(ONLY)) {
    await hostileBodies(server.url);
  }
  const sideBySide = OVERHEAD.includes(ONLY) || INSTANCES.includes(ONLY);
  if (selected.length > 0 || sideBySide) {
    failed = await endpointsAndHomePage(server.url);
  }
  if (OVERHEAD.includes(ONLY)) {
    failed = (await frameworkOverhead(server.url, SIDE_BY_SIDE_PATHS, (url) => run(url), 0.4)) || failed;
  }
  if (INSTANCES.includes(ONLY)) {
    await oneVersusTwoInstances(server, server.databaseUrl(), SIDE_BY_SIDE_PATHS, (url) => run(url));
  }
} finally {
  await server.stop();
}

async function endpointsAndHomePage(url) {
  let failed = false;
  const database = server.databaseUrl();
  const territory = await importAllCommunes(database);
  console.log(`Territoire : ${territory.communes} communes de ${territory.departements} départements (import-communes, ${territory.seconds.toFixed(1)} s)`);
  const seeded = await seedInbox(database);
  console.log(
    `Boîte du Val-d'Oise : ${seeded.threads} questions (${seeded.active} en cours), ${seeded.messages} messages, 100 communes (${seeded.seconds.toFixed(1)} s)`,
  );
  const national = await seedNationalThreads(database);
  console.log(`Questions des autres départements : ${national.threads}, 10 messages chacune (${national.seconds.toFixed(1)} s)`);
  const projects = await seedNationalProjects(database);
  console.log(`Projets : ${projects.projects} sur toutes les communes, dont ${projects.published} publiés (${projects.seconds.toFixed(1)} s)`);
  const faq = await seedFaq(database);
  console.log(`FAQ : ${faq.entries} réponses, dont ${faq.published} publiées du Val-d'Oise (${faq.seconds.toFixed(1)} s)`);
  await analyzeAll(database);
  const facts = await rebuildIndicators(database);
  console.log(
    `Indicateurs : ${facts.facts} faits recalculés (indicators-rebuild, ${facts.seconds.toFixed(1)} s), dont ${facts.valdoise} du Val-d'Oise ` +
      `(${facts.answered} répondues, ${facts.backlog} en attente d’une première réponse)`,
  );
  const authorization = await signIn(url, 'agent.voirie@valdoise.example');
  const mayorAuthorization = await signIn(url, 'maire@ableiges.example');
  console.log(`Passerelle — benchmark (${CONNECTIONS} connexions sauf indication, ${DURATION} s par point d'accès, ${url})\n`);
  console.log('point d’accès'.padEnd(44), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'p99 ms'.padStart(8), 'req/s'.padStart(9), 'erreurs'.padStart(8));
  for (const endpoint of selected) {
    // The admin signs in just before: a token lives 15 minutes, less than a whole run.
    const admin = endpoint.admin ? { authorization: await signIn(url, 'admin@valdoise.example') } : null;
    const headers = admin ?? (endpoint.agent ? { authorization } : endpoint.mayor ? { authorization: mayorAuthorization } : {});
    const args = [url + endpoint.path, endpoint.connections ?? CONNECTIONS, headers, endpoint.varied];
    await run(...args).then(() => undefined); // warm-up pass, results ignored
    const { result, latencies, errors } = await run(...args);
    const p95 = percentile(latencies, 95);
    const line = [
      `${endpoint.name}${endpoint.connections ? ` (${endpoint.connections} c.)` : ''}`.padEnd(44),
      percentile(latencies, 50).toFixed(1).padStart(8),
      p95.toFixed(1).padStart(8),
      percentile(latencies, 99).toFixed(1).padStart(8),
      Math.round(result.requests.average).toString().padStart(9),
      String(errors + result.errors + result.timeouts).padStart(8),
    ].join(' ');
    const verdict = endpoint.targetP95 ? (p95 < endpoint.targetP95 ? `  ✔ p95 < ${endpoint.targetP95} ms` : `  ✘ p95 ≥ ${endpoint.targetP95} ms`) : '';
    if (endpoint.targetP95 && p95 >= endpoint.targetP95) {
      failed = true;
    }
    console.log(line + verdict);
  }
  const js = initialJavaScript();
  const home = await homePageJavaScript(url);
  const verdict = js.brotli < 300_000 ? '✔ < 300 kB compressé' : '✘ ≥ 300 kB compressé';
  console.log(`\nPage d’accueil publique :`);
  console.log(`  JavaScript initial (index.html, ${js.files} fichiers) : ${kB(js.raw)} brut, ${kB(js.gzip)} gzip, ${kB(js.brotli)} brotli  ${verdict}`);
  console.log(
    `  Tout le JavaScript reçu par Chromium jusqu’à la carte affichée (${home.files} fichiers, dont la page et Leaflet chargés ensuite) : ` +
      `${kB(home.transferred)} transférés (${home.encodings.join(', ')}), ${kB(home.raw)} décompressés`,
  );
  if (js.brotli >= 300_000) {
    failed = true;
  }
  return failed;
}

/**
 * A JSON body of 80,000 unknown keys (0.9 MB) used to cost seconds of CPU in class-transformer before its
 * refusal, and froze every other request meanwhile. Prints the cost of one refusal (client round trip) and the
 * latency of /api/health alone, then while four such bodies keep arriving at once. Figures only, no target.
 */
async function hostileBodies(url) {
  const body = JSON.stringify(Object.fromEntries(Array.from({ length: 80_000 }, (_, i) => [`k${i}`, 1])));
  const send = async () => {
    const started = performance.now();
    try {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = await res.json();
      return { ms: performance.now() - started, status: res.status, code: answer.code };
    } catch (error) {
      // A connection closed by the server mid-upload: reported, and the server is still stopped at the end.
      return { ms: performance.now() - started, status: 'erreur', code: error.cause?.code ?? error.message };
    }
  };
  const health = async () => {
    const started = performance.now();
    const res = await fetch(`${url}/api/health`);
    await res.arrayBuffer();
    return performance.now() - started;
  };
  const summary = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (${sorted.length} requêtes)`;
  };

  console.log(`Corps JSON hostiles (${(body.length / 1e6).toFixed(2)} Mo, 80 000 clés inconnues, ${url})`);
  await send(); // warm-up
  const refusals = [];
  for (let i = 0; i < 20; i++) {
    refusals.push(await send());
  }
  const answers = [...new Set(refusals.map((r) => `${r.status} ${r.code}`))].join(', ');
  console.log(`  refus d’un corps, un à la fois : ${summary(refusals.map((r) => r.ms))} ; réponse ${answers}`);

  const idle = [];
  for (let i = 0; i < 50; i++) {
    idle.push(await health());
  }
  console.log(`  /api/health, serveur au repos : ${summary(idle)}`);

  let running = true;
  let refused = 0;
  const attackers = Array.from({ length: 4 }, async () => {
    while (running) {
      await send();
      refused += 1;
    }
  });
  const loaded = [];
  const until = performance.now() + 5_000;
  while (performance.now() < until) {
    loaded.push(await health());
  }
  running = false;
  await Promise.all(attackers);
  console.log(`  /api/health pendant 4 envois simultanés en continu (5 s, ${refused} corps refusés) : ${summary(loaded)}\n`);
}

/** The scripts `index.html` loads before any route: the entry and its preloaded chunks (lazy pages excluded). */
function initialJavaScript() {
  const dir = resolve(import.meta.dirname, '../../dist/apps/web/browser');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]))];
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
    brotli += brotliCompressSync(content).length;
  }
  return { files: files.length, raw, gzip, brotli };
}

/** What a browser downloads for `/` until the page is idle (the map and the latest projects shown). */
async function homePageJavaScript(url) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const scripts = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') {
        scripts.push(response);
      }
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    let transferred = 0;
    let raw = 0;
    const encodings = new Set();
    for (const response of scripts) {
      transferred += (await response.request().sizes()).responseBodySize;
      raw += (await response.body()).length;
      encodings.add(response.headers()['content-encoding'] ?? 'identity');
    }
    return { files: scripts.length, transferred, raw, encodings: [...encodings] };
  } finally {
    await browser.close();
  }
}

function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
process.exitCode = failed ? 1 : 0;
