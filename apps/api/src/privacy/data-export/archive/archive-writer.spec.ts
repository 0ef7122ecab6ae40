import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fromBufferPromise } from 'yauzl';
import { ArchiveWriter, safeFileName } from './archive-writer';

async function entriesOf(path: string): Promise<Map<string, string>> {
  const zip = await fromBufferPromise(readFileSync(path), { lazyEntries: true });
  const entries = new Map<string, string>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) {
      chunks.push(chunk as Buffer);
    }
    entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  return entries;
}

describe(ArchiveWriter.name, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'archive-writer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes texts, pretty JSON and streamed files, with UTF-8 names, and answers the zip size', async () => {
    const path = join(dir, 'a.zip');
    const writer = new ArchiveWriter(path, new Date('2026-05-01T10:00:00Z'));
    writer.addJson('compte.json', { nom: 'Élodie Français' });
    await writer.addFile('documents/1-procès-verbal.txt', Readable.from([Buffer.from('première '), Buffer.from('partie')]), 16);
    writer.addText('LISEZMOI.txt', 'Bonjour');
    const size = await writer.close();

    expect(size).toBe(readFileSync(path).length);
    expect(await entriesOf(path)).toEqual(
      new Map([
        ['compte.json', '{\n  "nom": "Élodie Français"\n}\n'],
        ['documents/1-procès-verbal.txt', 'première partie'],
        ['LISEZMOI.txt', 'Bonjour'],
      ]),
    );
  });

  it('fails the file being added when its stream fails, instead of waiting for it', async () => {
    const writer = new ArchiveWriter(join(dir, 'b.zip'), new Date());
    const broken = new Readable({
      read() {
        this.destroy(Object.assign(new Error('disk fault'), { code: 'EIO' }));
      },
    });
    await expect(writer.addFile('documents/x.pdf', broken, 10)).rejects.toThrow('disk fault');
    writer.abort(new Error('stopped'));
  });
});

describe(safeFileName.name, () => {
  it.each([
    ['devis signé.pdf', 'devis signé.pdf'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['C:\\temp\\a:b*c?.txt', 'C__temp_a_b_c_.txt'],
    ['tab\there\u0000.txt', 'tab_here_.txt'],
    ['...', 'fichier'],
    ['  .cache  ', 'cache'],
  ])('%j → %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('keeps the extension of a name cut to 100 characters', () => {
    const safe = safeFileName(`${'é'.repeat(150)}.pdf`);
    expect([...safe]).toHaveLength(100);
    expect(safe.endsWith('é.pdf')).toBe(true);
  });
});
