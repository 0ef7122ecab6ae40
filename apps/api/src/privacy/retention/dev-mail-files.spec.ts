import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteFiles, devMailsBefore } from './dev-mail-files';

describe(devMailsBefore.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dev-mails-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('dates a mail by its name, oldest first, and a file named otherwise by its modification time', async () => {
    writeFileSync(join(dir, '2026-03-10T08-00-00-000Z-b.json'), '{}');
    writeFileSync(join(dir, '2026-03-01T08-00-00-000Z-a.json'), '{}');
    writeFileSync(join(dir, '2026-03-20T08-00-00-000Z-c.json'), '{}');
    writeFileSync(join(dir, 'copied.json'), '{}');
    utimesSync(join(dir, 'copied.json'), new Date('2026-03-05T00:00:00Z'), new Date('2026-03-05T00:00:00Z'));
    writeFileSync(join(dir, 'notes.txt'), '');

    const due = await devMailsBefore(dir, new Date('2026-03-15T00:00:00Z'));
    expect(due.map((path) => path.slice(dir.length + 1))).toEqual(['2026-03-01T08-00-00-000Z-a.json', 'copied.json', '2026-03-10T08-00-00-000Z-b.json']);

    expect(await deleteFiles([...due, join(dir, 'gone.json')])).toBe(4);
    expect(readdirSync(dir).sort()).toEqual(['2026-03-20T08-00-00-000Z-c.json', 'notes.txt']);
  });

  it('finds nothing when no mail was ever written', async () => {
    expect(await devMailsBefore(join(dir, 'mail'), new Date())).toEqual([]);
  });
});
