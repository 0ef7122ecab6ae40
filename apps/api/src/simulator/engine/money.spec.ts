import { applyBp, applyMillionths, bpOf, mulDivFloor } from './money';

describe('integer money arithmetic', () => {
  it('rounds aids down to the cent', () => {
    // 123 456,79 € × 33,33 % = 41 148,148… €
    expect(applyBp(12_345_679, 3333)).toBe(4_114_814);
    expect(applyBp(18_000_000, 3500)).toBe(6_300_000);
  });

  it('stays exact where a float product would exceed 2^53', () => {
    // 1 billion euros (1e11 cents) × 164,040 per million: 1.6404e16 > 2^53 before the division.
    expect(applyMillionths(100_000_000_001, 164_040)).toBe(16_404_000_000);
    expect(mulDivFloor(9_007_199_254_740_991, 3, 3)).toBe(9_007_199_254_740_991);
  });

  it('gives the rate a part is of a whole, rounded down', () => {
    expect(bpOf(1_800_000, 18_000_000)).toBe(1000);
    expect(bpOf(1, 3)).toBe(3333);
    expect(bpOf(5, 0)).toBe(0);
  });
});
