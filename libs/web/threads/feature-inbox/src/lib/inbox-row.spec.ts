import type { ThreadSummaryDto } from '@passerelle/shared/dto';
import { inboxRow } from './inbox-row';

function aThread(staff: Partial<NonNullable<ThreadSummaryDto['staff']>> | null): ThreadSummaryDto {
  return {
    id: 't1',
    communeInsee: '95002',
    communeName: 'Ableiges',
    subject: 'Subvention pour l’école',
    category: 'FUNDING',
    state: 'NEW',
    project: { id: 'p1', title: 'Rénovation de l’école' },
    createdAt: '2026-11-02T09:00:00Z',
    createdBy: 'Marie Durand',
    lastActivityAt: '2026-07-14T10:00:00Z',
    messageCount: 1,
    unread: true,
    satisfactionScore: null,
    staff:
      staff === null
        ? null
        : {
            assignee: null,
            labels: [],
            dueAt: null,
            overdue: false,
            clockPaused: false,
            cantonName: 'Vauréal',
            internalNoteCount: 0,
            ...staff,
          },
  };
}

describe('inboxRow', () => {
  it('links the subject to the thread and the commune to its file', () => {
    const row = inboxRow(aThread({}));
    expect(row.link).toEqual(['/departement/questions', 't1']);
    expect(row.communeLink).toEqual(['/departement/communes', '95002']);
    expect(row.category).toBe('Financement');
    expect(row.messages).toBe('1 message');
  });

  it('shows the due day in Paris time and the flags of the clock', () => {
    const row = inboxRow(aThread({ dueAt: '2026-11-09T23:30:00Z', overdue: true }));
    expect(row.due).toBe('10/11/2026');
    expect(row.overdue).toBe(true);
    expect(inboxRow(aThread({ clockPaused: true })).paused).toBe(true);
  });

  it('gives the same due day as the question page for a deadline at the end of a day (Paris midnight)', () => {
    // The API ends "5 working days from a Saturday" at Saturday 00:00 in Paris: the inbox used to say "5 déc.".
    expect(inboxRow(aThread({ dueAt: '2026-12-04T23:00:00Z' })).due).toBe('04/12/2026');
  });

  it('writes the last activity with its time, in Paris time', () => {
    expect(inboxRow(aThread({})).lastActivity).toBe('14/07/2026 à 12:00');
  });

  it('reads "Non attribuée" and dashes when nobody is assigned and nothing is due', () => {
    const row = inboxRow(aThread({}));
    expect(row.assignee).toBe('Non attribuée');
    expect(row.due).toBe('—');
    expect(inboxRow(aThread({ assignee: { id: 'a', displayName: 'Karim Benali' } })).assignee).toBe('Karim Benali');
  });

  it('copes with a thread without the staff fields', () => {
    expect(inboxRow(aThread(null))).toMatchObject({ cantonName: '—', labels: [], overdue: false, paused: false });
  });
});
