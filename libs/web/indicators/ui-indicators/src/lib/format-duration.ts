import type { OfficeSpan } from '@passerelle/shared/dto';
import { formatInteger } from '@passerelle/web/shared/util-format';

/*
 * Durations the French way, with no-break spaces so that « 1 h 30 » never breaks across lines: `45 min`, `1 h 05`,
 * `37 h 30`, and past one day `2 j 3 h`. Working time counts its days in office days (7 h 30 with the default office
 * hours), calendar time in 24-hour days.
 */
const NBSP = '\u00a0';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** U+2212, the minus sign of typeset French numbers (as Intl writes it). */
const MINUS = '\u2212';

/** The office time of one working day: `09:00–12:30` and `13:30–17:30` → 7 h 30. */
export function officeDayMs(spans: readonly OfficeSpan[]): number {
  const minutes = (time: string) => {
    const [h, m] = time.split(':').map(Number);
    return h * 60 + m;
  };
  return spans.reduce((total, span) => total + (minutes(span.end) - minutes(span.start)) * MINUTE, 0);
}

/**
 * Working time: under one office day in hours and minutes, past it in working days and hours (`2 j 3 h`), the day being
 * the département's office day (`officeDayMs`). Without `dayMs`, hours and minutes only (`52 h 30`), as for the length
 * of the office day itself. `null` is `—`.
 */
export function formatWorkingDuration(ms: number | null, dayMs: number | null = null): string {
  return formatDuration(ms, dayMs);
}

/** Calendar time, pauses and nights included: `1 h 30`, `3 j 4 h`. */
export function formatElapsedDuration(ms: number | null): string {
  return formatDuration(ms, DAY);
}

/** A change of duration with its sign: `+12 min`, `−1 h 30`. */
export function formatDurationDelta(ms: number, dayMs: number | null = null): string {
  const sign = ms > 0 ? '+' : ms < 0 ? MINUS : '';
  return `${sign}${formatDuration(Math.abs(ms), dayMs)}`;
}

function formatDuration(ms: number | null, dayMs: number | null): string {
  if (ms == null || !Number.isFinite(ms)) {
    return '—';
  }
  if (ms > 0 && ms < MINUTE) {
    return `moins d’une minute`;
  }
  if (dayMs && dayMs > 0 && ms >= dayMs) {
    let days = Math.floor(ms / dayMs);
    let hours = Math.round((ms - days * dayMs) / HOUR);
    // 23 h 40 of a 24-hour day rounds to the next day, not to « 1 j 24 h ».
    if (hours * HOUR >= dayMs) {
      days += 1;
      hours = 0;
    }
    return hours === 0 ? `${formatInteger(days)}${NBSP}j` : `${formatInteger(days)}${NBSP}j${NBSP}${hours}${NBSP}h`;
  }
  const total = Math.round(ms / MINUTE);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) {
    return `${minutes}${NBSP}min`;
  }
  return minutes === 0 ? `${formatInteger(hours)}${NBSP}h` : `${formatInteger(hours)}${NBSP}h${NBSP}${String(minutes).padStart(2, '0')}`;
}
