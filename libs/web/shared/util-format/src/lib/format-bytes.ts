const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

const UNITS = ['ko', 'Mo', 'Go', 'To'] as const;

/**
 * `2_411_724` → `2,3 Mo`. Binary multiples, as the API's quota (1 Go = 1024³ octets) is counted, so a full quota
 * reads "1 Go" and not "1,1 Go".
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} ${bytes < 2 ? 'octet' : 'octets'}`;
  }
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${oneDecimal.format(value)}\u00a0${UNITS[unit]}`;
}

/** `"x Mo sur 1 Go utilisés"` for the commune's storage. */
export function formatStorageUsage(usedBytes: number, quotaBytes: number): string {
  return `${formatBytes(usedBytes)} sur ${formatBytes(quotaBytes)} utilisés`;
}
