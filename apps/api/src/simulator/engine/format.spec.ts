import { formatBp, formatDate, formatEuros, formatMillionths, formatPopulation, typeset } from './format';

// The explanation is read in French: digits grouped by a narrow no-break space, a no-break space before € and %.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('French formatting of the simulator', () => {
  it('writes cents as euros from the integer, grouped the French way', () => {
    expect(formatEuros(18_000_000)).toBe(`180${NNBSP}000,00${NBSP}€`);
    expect(formatEuros(12_345_679)).toBe(`123${NNBSP}456,79${NBSP}€`);
    expect(formatEuros(5)).toBe(`0,05${NBSP}€`);
    expect(formatEuros(0)).toBe(`0,00${NBSP}€`);
    // 1 billion euros and one cent: no float on the way.
    expect(formatEuros(100_000_000_001)).toBe(`1${NNBSP}000${NNBSP}000${NNBSP}000,01${NBSP}€`);
  });

  it('writes basis points and millionths as percents without useless decimals', () => {
    expect(formatBp(3500)).toBe(`35${NBSP}%`);
    expect(formatBp(3550)).toBe(`35,5${NBSP}%`);
    expect(formatBp(666)).toBe(`6,66${NBSP}%`);
    expect(formatBp(5)).toBe(`0,05${NBSP}%`);
    expect(formatMillionths(164_040)).toBe(`16,404${NBSP}%`);
    expect(formatMillionths(150_000)).toBe(`15${NBSP}%`);
  });

  it('writes populations and dates', () => {
    expect(formatPopulation(1108)).toBe(`1${NNBSP}108${NBSP}hab.`);
    expect(formatDate('2025-03-01')).toBe('1er mars 2025');
    expect(formatDate('2025-08-14')).toBe('14 août 2025');
  });

  it('puts no-break spaces before French high punctuation and after «', () => {
    expect(typeset('DETR : 35 % ; « Écoles » ?')).toBe(`DETR${NBSP}: 35${NBSP}%${NBSP}; «${NBSP}Écoles${NBSP}»${NBSP}?`);
    expect(typeset('dans la plage 0–3 500 hab..')).toBe('dans la plage 0–3 500 hab.');
  });
});
