import { CanonicalId } from './id.pipe';

describe('CanonicalId', () => {
  it('lower-cases a UUID written in capitals', () => {
    expect(CanonicalId.transform('0B6F1C7E-5D2A-4F3B-9C8D-7E6F5A4B3C2D')).toBe('0b6f1c7e-5d2a-4f3b-9c8d-7e6f5a4b3c2d');
  });

  it('leaves anything that is not a UUID untouched, to be answered "not found"', () => {
    expect(CanonicalId.transform('ABC')).toBe('ABC');
    expect(CanonicalId.transform('0B6F1C7E-5D2A-4F3B-9C8D-7E6F5A4B3C2D-X')).toBe('0B6F1C7E-5D2A-4F3B-9C8D-7E6F5A4B3C2D-X');
  });
});
