import { formatDuration, isEditable, sideLabel } from './thread-format';

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
