// `npm run bench`: starts the built app on a seeded throwaway database and measures the public endpoints
// with autocannon (50 connections). Prints p50/p95/p99 latency and requests per second for each.
import autocannon from 'autocannon';
import { startServer } from '../testing/built-app.mjs';
import { seedInbox } from './seed-inbox.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);

const ENDPOINTS = [
  { name: 'communes, page de 100', path: '/api/departements/95/communes?limit=100', targetP95: 25 },
  { name: 'communes, recherche « saint »', path: '/api/departements/95/communes?q=saint' },
  { name: 'commune par code INSEE', path: '/api/communes/95002' },
  { name: 'contours GeoJSON (183 communes)', path: '/api/departements/95/communes.geojson' },
  { name: 'santé', path: '/api/health' },
  // The agents' inbox, signed in, on 20,000 threads and 200,000 messages; 20 agents at once.
  { name: 'boîte des agents, file par défaut', path: '/api/inbox', targetP95: 50, connections: 20, agent: true },
  { name: 'boîte des agents, recherche « ecole »', path: '/api/inbox?q=ecole', targetP95: 50, connections: 20, agent: true },
  // Beyond the target: a search over two years of closed threads as well.
  { name: 'boîte, recherche, tous les états', path: '/api/inbox?q=subvention%20ecole&state=ALL', connections: 20, agent: true },
  { name: 'boîte, en retard, par activité', path: '/api/inbox?overdue=true&sort=activity', connections: 20, agent: true },
];

async function signInAgent(url) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'agent.voirie@valdoise.example', password: process.env.DEMO_PASSWORD ?? 'Passerelle-Vexin-2026' }),
  });
  const body = await res.json();
  if (!body.accessToken) {
    throw new Error(`agent sign-in failed: ${res.status} ${JSON.stringify(body)}`);
  }
  return `Bearer ${body.accessToken}`;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function run(url, connections = CONNECTIONS, headers = {}) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let errors = 0;
    const instance = autocannon({ url, connections, duration: DURATION, headers }, (err, result) => {
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

const server = await startServer();
let failed = false;
try {
  const seeded = await seedInbox(server.databaseUrl());
  console.log(
    `Boîte des agents : ${seeded.threads} questions (${seeded.active} en cours), ${seeded.messages} messages, 100 communes (${seeded.seconds.toFixed(1)} s)`,
  );
  const authorization = await signInAgent(server.url);
  console.log(`Passerelle — benchmark (${CONNECTIONS} connexions sauf indication, ${DURATION} s par point d'accès, ${server.url})\n`);
  console.log('point d’accès'.padEnd(44), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'p99 ms'.padStart(8), 'req/s'.padStart(9), 'erreurs'.padStart(8));
  for (const endpoint of ENDPOINTS) {
    const args = [server.url + endpoint.path, endpoint.connections ?? CONNECTIONS, endpoint.agent ? { authorization } : {}];
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
} finally {
  await server.stop();
}
process.exitCode = failed ? 1 : 0;
