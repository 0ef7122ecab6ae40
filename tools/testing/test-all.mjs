#!/usr/bin/env node
/**
 * `npm test`: every check of the repository — lint, unit, integration (real PostgreSQL) and browser tests.
 *
 * Nx runs the tasks most depended on first, so with one `run-many` the browser tests (a project nothing depends on)
 * started last and ran alone at the end, for ten minutes, while a core mostly waited on the browser. Here the two
 * builds come first, then the browser tests start at once beside Nx's lint, unit and integration tasks: their waits
 * (pages settling, animations) are filled by the other tasks. Both always run to the end; the exit code is non-zero
 * when either failed.
 */
import { spawn } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false' };

/** Runs a command with the terminal's output; resolves with its exit code and duration. */
function run(name, command, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(`${name}: ${error.message}`);
      resolve({ name, code: 1, seconds: (Date.now() - started) / 1000 });
    });
    child.on('exit', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000 }));
  });
}

function minutes(seconds) {
  return `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}

const results = [];
const build = await run('build (api, web)', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);
results.push(build);
if (build.code === 0) {
  results.push(
    ...(await Promise.all([
      run('browser tests (web-e2e)', 'npx', ['nx', 'run', 'web-e2e:e2e', '--excludeTaskDependencies', '--outputStyle=static']),
      run('lint, unit and integration tests', 'npx', ['nx', 'run-many', '-t', 'lint', 'test', 'integration', '--parallel=2', '--outputStyle=static']),
    ])),
  );
}

console.log('\nnpm test:');
for (const r of results) {
  console.log(`  ${r.code === 0 ? 'ok    ' : 'FAILED'}  ${r.name} (${minutes(r.seconds)})`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
