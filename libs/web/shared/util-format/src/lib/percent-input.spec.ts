import { formatPercentInput, parsePercentInput } from './percent-input';

describe('parsePercentInput', () => {
  it('reads a percentage as basis points, with a decimal comma or point and an optional sign', () => {
    expect(parsePercentInput('20')).toEqual({ bp: 2000, error: null });
    expect(parsePercentInput(' 12,5 % ')).toEqual({ bp: 1250, error: null });
    expect(parsePercentInput('7.25')).toEqual({ bp: 725, error: null });
    expect(parsePercentInput('')).toEqual({ bp: null, error: null });
  });

  it('refuses what is not a percentage from 0 to 100 with two decimals at most', () => {
    expect(parsePercentInput('120').error).toContain('entre 0 et 100');
    expect(parsePercentInput('1,234').error).not.toBeNull();
    expect(parsePercentInput('abc').error).not.toBeNull();
  });
});

describe('formatPercentInput', () => {
  it('writes basis points back as the field shows them', () => {
    expect(formatPercentInput(1250)).toBe('12,5');
    expect(formatPercentInput(725)).toBe('7,25');
    expect(formatPercentInput(8000)).toBe('80');
    expect(formatPercentInput(undefined)).toBe('');
  });
});
