import { join } from 'node:path';
import { loadConfig, register } from 'tsconfig-paths';

// Jest's global setup runs outside its module system, so the workspace path aliases are registered by hand.
const workspace = loadConfig(join(__dirname, '../../../tsconfig.base.json'));
if (workspace.resultType === 'success') {
  register({ baseUrl: workspace.absoluteBaseUrl, paths: workspace.paths });
}
