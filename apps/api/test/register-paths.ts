import { join } from 'node:path';
import { loadConfig, register } from 'tsconfig-paths';

// Jest's global setup runs outside its module system, so the workspace path aliases are registered by hand (and so
// do the child processes the tests start with ts-node). tsconfig-paths prefers TS_NODE_PROJECT, which those children
// set for ts-node, over the path given here: it is hidden while the workspace's configuration is read.
const tsNodeProject = process.env['TS_NODE_PROJECT'];
delete process.env['TS_NODE_PROJECT'];
const workspace = loadConfig(join(__dirname, '../../../tsconfig.base.json'));
if (tsNodeProject !== undefined) {
  process.env['TS_NODE_PROJECT'] = tsNodeProject;
}
if (workspace.resultType === 'success') {
  register({ baseUrl: workspace.absoluteBaseUrl, paths: workspace.paths });
}
