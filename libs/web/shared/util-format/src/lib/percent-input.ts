/**
 * A percentage typed in a form field (`20`, `12,5 %`, `7.25`) as basis points; empty → `null`. At most two decimals,
 * from 0 to 100 %.
 */
export function parsePercentInput(text: string): { bp: number | null; error: string | null } {
  const compact = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (compact === '') {
    return { bp: null, error: null };
  }
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(compact);
  const bp = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN;
  if (!match || bp > 10_000) {
    return { bp: null, error: 'Indiquez un pourcentage entre 0 et 100, par exemple 20 ou 12,5.' };
  }
  return { bp, error: null };
}

/** `1250` → `12,5`: the value put back in a percentage field, which `parsePercentInput` reads again. */
export function formatPercentInput(bp: number | null | undefined): string {
  if (bp == null) {
    return '';
  }
  const whole = Math.floor(bp / 100);
  const decimals = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return decimals ? `${whole},${decimals}` : String(whole);
}
