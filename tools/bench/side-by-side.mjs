// Measures the app against references run in the same bench, one after the other on the same machine:
// - a bare `node:http` server sending the very bytes the app answered (what the framework costs);
// - two instances of the app behind a local round-robin proxy, against one.
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, Agent } from 'node:http';
import { startServer } from '../testing/built-app.mjs';

/** The bare server's program: answers every request with the bytes read from stdin, and prints its port. */
const BARE_SERVER = `
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const body = Buffer.concat(chunks);
  const server = require('node:http').createServer((_request, response) => {
    response.writeHead(200, { 'content-type': process.env.BARE_CONTENT_TYPE, 'content-length': body.length });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));
});`;

/**
 * Serves `body` with the app's content type to every request: the floor any HTTP stack on this machine has. In a
 * process of its own, as the app is: in the bench's process it shared one thread with the load generator, and its
 * figure moved by half from run to run.
 */
function bareServer(body, contentType) {
  const child = spawn(process.execPath, ['-e', BARE_SERVER], {
    env: { ...process.env, BARE_CONTENT_TYPE: contentType },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(body);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (line) =>
      resolve({
        url: `http://127.0.0.1:${String(line).trim()}`,
        close: () => new Promise((closed) => (child.exitCode !== null ? closed() : (child.once('exit', closed), child.kill()))),
      }),
    );
  });
}

function urlOf(server) {
  return `http://127.0.0.1:${server.address().port}`;
}

/**
 * For each path: the app's req/s and the bare server's, with the same connections and duration, and their ratio
 * against `targetShare` (e.g. 0.4: the app reaches at least 40 % of the bare server).
 */
export async function frameworkOverhead(appUrl, paths, measure, targetShare) {
  let failed = false;
  console.log(`\nSurcoût du cadriciel : l’application et un serveur node:http nu envoyant les mêmes octets, côte à côte`);
  console.log('point d’accès'.padEnd(52), 'app req/s'.padStart(10), 'nu req/s'.padStart(10), 'part'.padStart(7));
  for (const path of paths) {
    const sample = await fetch(appUrl + path);
    const body = Buffer.from(await sample.arrayBuffer());
    const bare = await bareServer(body, sample.headers.get('content-type') ?? 'application/json');
    try {
      await measure(appUrl + path); // warm-up
      const app = await measure(appUrl + path);
      await measure(bare.url + path); // warm-up
      const reference = await measure(bare.url + path);
      const share = app.result.requests.average / reference.result.requests.average;
      const ok = share >= targetShare;
      failed ||= !ok;
      console.log(
        `${path} (${(body.length / 1024).toFixed(1)} kio)`.padEnd(52),
        Math.round(app.result.requests.average).toString().padStart(10),
        Math.round(reference.result.requests.average).toString().padStart(10),
        `${Math.round(share * 100)} %`.padStart(7),
        ok ? ` ✔ ≥ ${targetShare * 100} %` : ` ✘ < ${targetShare * 100} %`,
      );
    } finally {
      await bare.close();
    }
  }
  return failed;
}

/** A round-robin HTTP proxy over `upstreams` (kept-alive connections), as a load balancer would be. */
function roundRobin(upstreams) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const target = new URL(upstreams[next++ % upstreams.length]);
    const forwarded = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      outgoing.writeHead(502).end();
    });
    incoming.pipe(forwarded);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, agent })));
}

/**
 * The same load on one instance (through the proxy, so that both runs pay its hop) and on two instances sharing the
 * database. On a machine with few cores the instances, the proxy, PostgreSQL and the load generator share them: the
 * figures say so rather than promise a doubling.
 */
export async function oneVersusTwoInstances(first, databaseUrl, paths, measure) {
  const second = await startServer({ env: { DATABASE_URL: databaseUrl } });
  const one = await roundRobin([first.url]);
  const two = await roundRobin([first.url, second.url]);
  try {
    console.log(`\nUne instance ou deux derrière un répartiteur local (tourniquet), même charge`);
    console.log('point d’accès'.padEnd(52), '1 inst. p95'.padStart(12), 'req/s'.padStart(8), '2 inst. p95'.padStart(12), 'req/s'.padStart(8));
    for (const path of paths) {
      await measure(urlOf(one.server) + path);
      const single = await measure(urlOf(one.server) + path);
      await measure(urlOf(two.server) + path);
      const double = await measure(urlOf(two.server) + path);
      const p95 = (run) => run.latencies[Math.min(run.latencies.length - 1, Math.ceil(0.95 * run.latencies.length) - 1)];
      console.log(
        path.padEnd(52),
        `${p95(single).toFixed(1)} ms`.padStart(12),
        Math.round(single.result.requests.average).toString().padStart(8),
        `${p95(double).toFixed(1)} ms`.padStart(12),
        Math.round(double.result.requests.average).toString().padStart(8),
      );
    }
  } finally {
    for (const proxy of [one, two]) {
      proxy.agent.destroy();
      await new Promise((resolve) => proxy.server.close(resolve));
    }
    await second.stop();
  }
}
