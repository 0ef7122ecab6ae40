import { ARCHIVE_FILES } from './archive-content';
import { ARCHIVE_DESCRIPTION, archiveReadme } from './archive-readme';

describe(archiveReadme.name, () => {
  const text = archiveReadme(new Date('2026-05-01T10:00:00Z'));

  it('writes every file of the description table, in the archive’s order', () => {
    expect([...ARCHIVE_FILES].sort()).toEqual(Object.keys(ARCHIVE_DESCRIPTION).sort());
    const positions = ARCHIVE_FILES.map((file) => text.indexOf(`\r\n${file}\r\n${'='.repeat(file.length)}\r\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('gives every section and field its French sentence, one line each', () => {
    const lines = new Set(text.split('\r\n'));
    for (const file of ARCHIVE_FILES) {
      for (const [section, description] of Object.entries(ARCHIVE_DESCRIPTION[file].sections) as [string, { about: string; fields: Record<string, string> }][]) {
        expect(lines.has(`  « ${section} » : ${description.about}`)).toBe(true);
        for (const [field, sentence] of Object.entries(description.fields)) {
          expect(sentence).toMatch(/^[A-ZÀ-ÖØ-Þ].*[.)]$/u);
          expect(lines.has(`    ${field} : ${sentence}`)).toBe(true);
        }
      }
    }
  });

  it('dates the archive in Paris time and lists the codes of coded fields', () => {
    expect(text).toContain('Archive préparée le 1 mai 2026 à 12:00 (heure de Paris)');
    expect(text).toContain('MAYOR (Maire)');
    expect(text).toContain('DATA_EXPORT_READY (Archive de vos données prête à télécharger)');
    expect(text).not.toMatch(/(?<!\r)\n/);
  });
});
