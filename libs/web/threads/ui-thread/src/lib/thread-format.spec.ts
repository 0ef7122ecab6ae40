import { formatDeadline, formatDuration, formatTime, isEditable, sideLabel } from './thread-format';

describe('formatDuration', () => {
  it('says a first-response time in words, to its two largest units', () => {
    expect(formatDuration(20)).toBe('moins d’une minute');
    expect(formatDuration(60)).toBe('1 minute');
    expect(formatDuration(45 * 60)).toBe('45 minutes');
    expect(formatDuration(3600)).toBe('1 heure');
    expect(formatDuration(3600 + 15 * 60)).toBe('1 heure 15 minutes');
    expect(formatDuration(26 * 3600 + 59 * 60)).toBe('1 jour 2 heures');
    expect(formatDuration(3 * 86_400)).toBe('3 jours');
  });
});

describe('isEditable', () => {
  const now = Date.parse('2026-03-10T10:00:00Z');

  it('is true only while the edit window the API gave is open', () => {
    expect(isEditable({ editableUntil: '2026-03-10T10:05:00Z' }, now)).toBe(true);
    expect(isEditable({ editableUntil: '2026-03-10T09:59:59Z' }, now)).toBe(false);
    expect(isEditable({ editableUntil: null }, now)).toBe(false);
  });
});

describe('sideLabel', () => {
  it('names the side a message speaks for', () => {
    const author = { id: 'u1', displayName: 'Claire Martin', side: 'DEPARTEMENT' as const };
    expect(sideLabel({ author }, 'Ableiges')).toBe('Département');
    expect(sideLabel({ author: { ...author, side: 'COMMUNE' } }, 'Ableiges')).toBe('Ableiges');
  });
});

describe('formatTime', () => {
  it('gives the Paris time, summer and winter', () => {
    expect(formatTime('2026-01-10T09:20:00Z')).toBe('10:20');
    expect(formatTime('2026-07-10T09:20:00Z')).toBe('11:20');
  });
});

describe('formatDeadline', () => {
  it('reads a midnight deadline as the end of the day before, and keeps any other time', () => {
    expect(formatDeadline('2026-11-27T23:00:00Z')).toBe('27 novembre 2026');
    expect(formatDeadline('2026-07-09T22:00:00Z')).toBe('9 juillet 2026');
    expect(formatDeadline('2026-11-27T16:30:00Z')).toBe('27 novembre 2026 à 17:30');
  });
});
