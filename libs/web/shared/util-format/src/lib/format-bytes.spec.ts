import { formatBytes, formatStorageUsage } from './format-bytes';

const NBSP = '\u00a0';

describe('formatBytes', () => {
  it('uses French units and a decimal comma', () => {
    expect(formatBytes(1)).toBe('1 octet');
    expect(formatBytes(900)).toBe('900 octets');
    expect(formatBytes(1536)).toBe(`1,5${NBSP}ko`);
    expect(formatBytes(2_411_724)).toBe(`2,3${NBSP}Mo`);
    expect(formatBytes(1024 ** 3)).toBe(`1${NBSP}Go`);
  });

  it('says how much of the quota is used', () => {
    expect(formatStorageUsage(25 * 1024 * 1024, 1024 ** 3)).toBe(`25${NBSP}Mo sur 1${NBSP}Go utilisés`);
  });
});
