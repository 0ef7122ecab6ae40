import type { OfficeSpan } from '@passerelle/shared/dto';

/*
 * Office hours in a French sentence, with no-break spaces so that « 12 h 30 » never breaks across lines: the inbox
 * settings, the département's indicators and the public page write them the same way.
 */
const NBSP = '\u00a0';

/** `09:00` → `9 h`, `12:30` → `12 h 30`. */
export function formatTimeOfDay(time: string): string {
  const [hours, minutes] = time.split(':');
  return minutes === '00' ? `${Number(hours)}${NBSP}h` : `${Number(hours)}${NBSP}h${NBSP}${minutes}`;
}

/** `de 9 h à 12 h 30 et de 13 h 30 à 17 h 30`; no span is an empty string. */
export function describeOfficeHours(spans: readonly OfficeSpan[]): string {
  const parts = spans.map((span) => `de ${formatTimeOfDay(span.start)} à ${formatTimeOfDay(span.end)}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}` : (parts[0] ?? '');
}
