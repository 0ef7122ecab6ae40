import { inPlace, ofPlace } from './place-names';

describe('ofPlace', () => {
  it.each([
    // Vowels, accented or not, elide.
    ['Aincourt', 'd’Aincourt'],
    ['Ableiges', 'd’Ableiges'],
    ['Us', 'd’Us'],
    ['Omerville', 'd’Omerville'],
    ['Ennery', 'd’Ennery'],
    ['Épiais-Rhus', 'd’Épiais-Rhus'],
    ['Écouen', 'd’Écouen'],
    // Consonants keep « de ».
    ['Vétheuil', 'de Vétheuil'],
    ['Saint-Ouen-l’Aumône', 'de Saint-Ouen-l’Aumône'],
    // « Le » and « Les » contract, « La » and « L’ » do not.
    ['Le Bellay-en-Vexin', 'du Bellay-en-Vexin'],
    ['Le Heaulme', 'du Heaulme'],
    ['Le Plessis-Luzarches', 'du Plessis-Luzarches'],
    ['Les Mureaux', 'des Mureaux'],
    ['La Roche-Guyon', 'de La Roche-Guyon'],
    ['L\u2019Isle-Adam', 'de L\u2019Isle-Adam'],
    ['L’Isle-Adam', 'de L’Isle-Adam'],
    // An aspirated h keeps « de »; the known mute ones elide.
    ['Haute-Isle', 'de Haute-Isle'],
    ['Haravilliers', 'de Haravilliers'],
    ['Hodent', 'de Hodent'],
    ['Hérouville-en-Vexin', 'd’Hérouville-en-Vexin'],
    ['Herblay-sur-Seine', 'd’Herblay-sur-Seine'],
    ['Hédouville', 'd’Hédouville'],
  ])('says « de %s » as « %s »', (name, expected) => {
    expect(ofPlace(name)).toBe(expected);
  });

  it('ignores spaces around the name', () => {
    expect(ofPlace('  Aincourt ')).toBe('d’Aincourt');
  });

  it('does not take a name that only starts with the letters of an article for one', () => {
    expect(ofPlace('Lesigny')).toBe('de Lesigny');
    expect(ofPlace('Levallois-Perret')).toBe('de Levallois-Perret');
  });
});

describe('inPlace', () => {
  it.each([
    ['Aincourt', 'à Aincourt'],
    ['Us', 'à Us'],
    ['Haute-Isle', 'à Haute-Isle'],
    ['Le Heaulme', 'au Heaulme'],
    ['Le Bellay-en-Vexin', 'au Bellay-en-Vexin'],
    ['Les Mureaux', 'aux Mureaux'],
    ['La Roche-Guyon', 'à La Roche-Guyon'],
    ['L\u2019Isle-Adam', 'à L\u2019Isle-Adam'],
  ])('says « à %s » as « %s »', (name, expected) => {
    expect(inPlace(name)).toBe(expected);
  });
});
