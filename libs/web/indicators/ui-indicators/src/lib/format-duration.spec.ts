import { DEFAULT_OFFICE_HOURS } from '@passerelle/shared/dto';
import { formatDurationDelta, formatElapsedDuration, formatWorkingDuration, officeDayMs } from './format-duration';

const NBSP = '\u00a0';
const MIN = 60_000;
const HOUR = 60 * MIN;
/** The default office day: 9:00–12:30 and 13:30–17:30. */
const OFFICE_DAY = 7.5 * HOUR;
/** Spaces made visible, for readable failures. */
const shown = (text: string) => text.replace(/\u00a0/g, '·').replace(/\u202f/g, '˙');

describe('officeDayMs', () => {
  it('adds up the spans of a working day', () => {
    expect(officeDayMs(DEFAULT_OFFICE_HOURS)).toBe(OFFICE_DAY);
    expect(officeDayMs([{ start: '08:15', end: '12:00' }])).toBe(3.75 * HOUR);
  });
});

describe('formatWorkingDuration', () => {
  it('writes minutes, then hours and minutes, with no-break spaces', () => {
    expect(shown(formatWorkingDuration(45 * MIN, OFFICE_DAY))).toBe('45·min');
    expect(shown(formatWorkingDuration(90 * MIN, OFFICE_DAY))).toBe('1·h·30');
    expect(shown(formatWorkingDuration(65 * MIN, OFFICE_DAY))).toBe('1·h·05');
    expect(shown(formatWorkingDuration(7 * HOUR, OFFICE_DAY))).toBe('7·h');
    expect(formatWorkingDuration(0, OFFICE_DAY)).toBe(`0${NBSP}min`);
    expect(formatWorkingDuration(20_000, OFFICE_DAY)).toBe('moins d’une minute');
  });

  it('counts working days of the office day past one', () => {
    // 2 office days and 3 hours: 18 h of office time.
    expect(shown(formatWorkingDuration(2 * OFFICE_DAY + 3 * HOUR, OFFICE_DAY))).toBe('2·j·3·h');
    expect(shown(formatWorkingDuration(OFFICE_DAY, OFFICE_DAY))).toBe('1·j');
    // Rounded to the hour once in days: 9.1 h is 1 day and 1.6 h.
    expect(shown(formatWorkingDuration(9.1 * HOUR, OFFICE_DAY))).toBe('1·j·2·h');
  });

  it('stays in hours without the office day, and shows « — » for no figure', () => {
    expect(shown(formatWorkingDuration(52.5 * HOUR))).toBe('52·h·30');
    expect(shown(formatWorkingDuration(1500 * HOUR))).toBe('1˙500·h');
    expect(formatWorkingDuration(null, OFFICE_DAY)).toBe('—');
  });
});

describe('formatElapsedDuration', () => {
  it('counts 24-hour days, and never writes « 24 h » after them', () => {
    expect(shown(formatElapsedDuration(65 * HOUR))).toBe('2·j·17·h');
    expect(shown(formatElapsedDuration(47 * HOUR + 40 * MIN))).toBe('2·j');
    expect(shown(formatElapsedDuration(23 * HOUR))).toBe('23·h');
  });
});

describe('formatDurationDelta', () => {
  it('writes the sign, the French minus for a decrease', () => {
    expect(shown(formatDurationDelta(12 * MIN))).toBe('+12·min');
    expect(shown(formatDurationDelta(-90 * MIN, OFFICE_DAY))).toBe('−1·h·30');
    expect(shown(formatDurationDelta(0))).toBe('0·min');
  });
});
