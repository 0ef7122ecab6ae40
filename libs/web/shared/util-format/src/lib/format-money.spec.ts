import { formatEuros, formatMoneyInput, formatPercent, MAX_AMOUNT_CENTS, parseEuros } from './format-money';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatEuros', () => {
  it('writes cents the French way, with grouped thousands and the sign after', () => {
    expect(formatEuros(1_234_567)).toBe(`12${NNBSP}345,67${NBSP}€`);
    expect(formatEuros(5)).toBe(`0,05${NBSP}€`);
    expect(formatEuros(100_000_000)).toBe(`1${NNBSP}000${NNBSP}000,00${NBSP}€`);
  });

  it('shows a dash for a missing amount, not 0 €', () => {
    expect(formatEuros(null)).toBe('—');
    expect(formatEuros(0)).toBe(`0,00${NBSP}€`);
  });
});

describe('formatMoneyInput', () => {
  it('gives back what the parser reads again', () => {
    const text = formatMoneyInput(1_234_567);
    expect(text).toBe(`12${NNBSP}345,67`);
    expect(parseEuros(text)).toEqual({ cents: 1_234_567, error: null });
    expect(formatMoneyInput(null)).toBe('');
  });
});

describe('formatPercent', () => {
  it('rounds to whole percents', () => {
    expect(formatPercent(0.4567)).toBe(`46${NBSP}%`);
  });
});

describe('parseEuros', () => {
  it.each([
    ['12 345,67', 1_234_567],
    ['12345.67', 1_234_567],
    ['12 345 €', 1_234_500],
    [`12${NNBSP}345,67${NBSP}€`, 1_234_567],
    ['12.345,67', 1_234_567],
    ['1.234.567', 123_456_700],
    ['0,29', 29],
    ['0,1', 10],
    ['1,00', 100],
    ['  42  ', 4_200],
    ['1000 € HT', 100_000],
    ['007', 700],
  ])('reads %p as %p cents', (text, cents) => {
    expect(parseEuros(text)).toEqual({ cents, error: null });
  });

  it('keeps an empty field empty rather than zero', () => {
    expect(parseEuros('')).toEqual({ cents: null, error: null });
    expect(parseEuros('  € ')).toEqual({ cents: null, error: null });
  });

  it('refuses negative amounts', () => {
    expect(parseEuros('-12,50')).toEqual({ cents: null, error: 'Le montant ne peut pas être négatif.' });
  });

  it.each(['12,345', '12.345', 'douze', '12,3,4', '1,2.3', '12 345,67 8', '1e6', '0x10', '12..5'])(
    'refuses %p with a message saying how to type it',
    (text) => {
      const result = parseEuros(text);
      expect(result.cents).toBeNull();
      expect(result.error).toMatch(/^Saisissez un montant en euros/);
    },
  );

  it('refuses absurd amounts, one billion euros being the limit', () => {
    expect(parseEuros('1 000 000 000')).toEqual({ cents: MAX_AMOUNT_CENTS, error: null });
    expect(parseEuros('1 000 000 000,01').error).toMatch(/^Ce montant dépasse 1/);
    expect(parseEuros('99999999999999999999999999').error).toMatch(/^Ce montant dépasse/);
  });
});
