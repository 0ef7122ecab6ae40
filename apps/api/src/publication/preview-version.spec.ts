import { PUBLICATION_VERSION_PATTERN } from '@passerelle/shared/dto';
import { previewVersion } from './preview-version';

describe(previewVersion.name, () => {
  const fiche = { title: 'Lavoir', lessons: { problems: 'Charpente', advice: 'Aléas' }, photos: [{ id: 'a' }, { id: 'b' }] };

  it('is a SHA-256 in hexadecimal, the shape the approve body accepts', () => {
    expect(previewVersion(fiche)).toMatch(PUBLICATION_VERSION_PATTERN);
  });

  it('does not depend on the order of object keys (jsonb reorders them)', () => {
    expect(previewVersion({ photos: fiche.photos, lessons: { advice: 'Aléas', problems: 'Charpente' }, title: 'Lavoir' })).toBe(previewVersion(fiche));
  });

  it('changes with any value, nested ones and the order of lists included', () => {
    const version = previewVersion(fiche);
    expect(previewVersion({ ...fiche, title: 'Lavoir ' })).not.toBe(version);
    expect(previewVersion({ ...fiche, lessons: { ...fiche.lessons, advice: 'Aléa' } })).not.toBe(version);
    expect(previewVersion({ ...fiche, photos: [...fiche.photos].reverse() })).not.toBe(version);
    expect(previewVersion({ ...fiche, funding: null })).not.toBe(version);
  });
});
