// `npm run bench`: starts the built app on a seeded throwaway database and measures the public endpoints
// with autocannon (50 connections). Prints p50/p95/p99 latency and requests per second for each.
import autocannon from 'autocannon';
import { startServer } from '../testing/built-app.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);

const ENDPOINTS = [
  { name: 'communes, page de 100', path: '/api/departements/95/communes?limit=100', targetP95: 25 },
  { name: 'communes, recherche « saint »', path: '/api/departements/95/communes?q=saint' },
  { name: 'commune par code INSEE', path: '/api/communes/95002' },
  { name: 'contours GeoJSON (183 communes)', path: '/api/departements/95/communes.geojson' },
  { name: 'santé', path: '/api/health' },
];

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function run(url) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let errors = 0;
    const instance = autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (err, result) => {
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
  console.log(`Passerelle — benchmark (${CONNECTIONS} connexions, ${DURATION} s par point d'accès, ${server.url})\n`);
  console.log('point d’accès'.padEnd(36), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'p99 ms'.padStart(8), 'req/s'.padStart(9), 'erreurs'.padStart(8));
  for (const endpoint of ENDPOINTS) {
    await run(server.url + endpoint.path).then(() => undefined); // warm-up pass, results ignored
    const { result, latencies, errors } = await run(server.url + endpoint.path);
    const p95 = percentile(latencies, 95);
    const line = [
      endpoint.name.padEnd(36),
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
