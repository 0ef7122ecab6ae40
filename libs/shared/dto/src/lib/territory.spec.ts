import { DEPARTEMENT_CODE_PATTERN, INSEE_CODE_PATTERN } from './territory';

describe('territory code patterns', () => {
  it.each(['95002', '2A004', '2B033', '97411'])('accepts the INSEE code %s', (code) => {
    expect(INSEE_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(['9500', '950021', '2C004', 'abcde', '95 02', ''])('refuses the INSEE code %p', (code) => {
    expect(INSEE_CODE_PATTERN.test(code)).toBe(false);
  });

  it.each(['01', '95', '2A', '2B', '971', '976'])('accepts the département code %s', (code) => {
    expect(DEPARTEMENT_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(['9', '950', '2C', '20x', '', '9a'])('refuses the département code %p', (code) => {
    expect(DEPARTEMENT_CODE_PATTERN.test(code)).toBe(false);
  });
});
