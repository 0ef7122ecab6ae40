import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');

interface LintResult {
  messages: { ruleId: string | null; message: string }[];
}

/**
 * Lints `code` as if it were the file `path` (a `.js` name: the boundary rule covers it without the type-aware
 * parser, which only knows files that exist) of the workspace, with the workspace's own configuration, through
 * the ESLint command line (its configuration loader needs native dynamic imports, which Jest's sandbox lacks).
 */
async function lintAs(path: string, code: string): Promise<string[]> {
  const run = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (!run.stdout) {
    throw new Error(`eslint failed: ${run.stderr}`);
  }
  const [result] = JSON.parse(run.stdout) as LintResult[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries (STYLE.md)', () => {
  it('fails a web file that imports @nestjs/common', async () => {
    const messages = await lintAs(
      'apps/web/src/app/boundary-probe.js',
      "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
    );
    expect(messages).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: .*scope:web.*@nestjs\/common/)]);
  });

  it('fails a web library that imports typeorm', async () => {
    const messages = await lintAs(
      'libs/web/territory/data-access/src/lib/boundary-probe.js',
      "import { Entity } from 'typeorm';\nexport const probe = Entity;\n",
    );
    expect(messages).toEqual([expect.stringMatching(/enforce-module-boundaries.*typeorm/)]);
  });

  it('fails the API when it imports Angular, and the shared contract when it imports a framework', async () => {
    const api = await lintAs('apps/api/src/boundary-probe.js', "import { signal } from '@angular/core';\nexport const probe = signal;\n");
    expect(api).toEqual([expect.stringMatching(/enforce-module-boundaries.*@angular\/core/)]);
    const shared = await lintAs(
      'libs/shared/dto/src/lib/boundary-probe.js',
      "import { IsString } from 'class-validator';\nexport const probe = IsString;\n",
    );
    expect(shared).toEqual([expect.stringMatching(/enforce-module-boundaries.*class-validator/)]);
  });

  it('fails a ui library that imports a data-access library', async () => {
    const messages = await lintAs(
      'libs/web/territory/ui-commune/src/lib/boundary-probe.js',
      "import { TerritoryApi } from '@passerelle/web/territory/data-access';\nexport const probe = TerritoryApi;\n",
    );
    expect(messages).toEqual([expect.stringMatching(/enforce-module-boundaries.*type:ui/)]);
  });

  it('accepts a web file that imports the shared contract', async () => {
    const messages = await lintAs(
      'apps/web/src/app/boundary-probe.js',
      "import { MAX_PAGE_SIZE } from '@passerelle/shared/dto';\nexport const probe = MAX_PAGE_SIZE;\n",
    );
    expect(messages).toEqual([]);
  });
});
