import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CommuneFileDto, ThreadSummaryDto, TimelineEventDto } from '@passerelle/shared/dto';
import { COMMUNE_FILE_LIMITS, CommuneFilePanel } from './commune-file-panel';

function aThread(id: string, subject: string): ThreadSummaryDto {
  return {
    id,
    communeInsee: '95002',
    communeName: 'Ableiges',
    subject,
    category: 'FUNDING',
    state: 'ANSWERED',
    project: null,
    createdAt: '2026-03-01T09:00:00Z',
    createdBy: 'Marie Durand',
    lastActivityAt: '2026-03-02T09:00:00Z',
    messageCount: 2,
    unread: false,
    satisfactionScore: null,
    staff: null,
  };
}

function anEvent(index: number): TimelineEventDto {
  return {
    at: `2026-03-${String(20 - (index % 19)).padStart(2, '0')}T10:00:00Z`,
    kind: index % 2 ? 'MESSAGE' : 'PROJECT_UPDATED',
    actor: 'Marie Durand',
    summary: `Événement ${index}`,
    link: index % 2 ? { type: 'thread', id: 't1' } : null,
  };
}

function aFile(overrides: Partial<CommuneFileDto> = {}): CommuneFileDto {
  return {
    commune: {
      insee: '95002',
      name: 'Ableiges',
      population: 1108,
      postcodes: ['95450'],
      cantonName: 'Vauréal',
      epciName: 'CC Vexin Centre',
      eligible: true,
      workspaceOpenedAt: '2026-01-15T10:00:00Z',
    },
    members: [{ displayName: 'Marie Durand', role: 'MAYOR', email: 'maire@ableiges.fr' }],
    projects: [],
    threads: [aThread('t1', 'Subvention DETR'), aThread('t2', 'Réfection de la voirie')],
    satisfaction: {
      average: 4.5,
      count: 2,
      latest: [
        {
          threadId: 't3',
          subject: 'Aide à la rénovation',
          score: 4,
          effort: null,
          comment: 'Réponse claire, merci.',
          answeredAt: '2026-02-10T10:00:00Z',
          answeredBy: 'Marie Durand',
        },
      ],
    },
    timeline: [anEvent(1), anEvent(2)],
    ...overrides,
  };
}

describe(CommuneFilePanel.name, () => {
  async function render(file: CommuneFileDto, currentThreadId: string | null = null) {
    TestBed.configureTestingModule({ imports: [CommuneFilePanel], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(CommuneFilePanel);
    fixture.componentRef.setInput('file', file);
    fixture.componentRef.setInput('currentThreadId', currentThreadId);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

  it('shows the commune’s facts in French', async () => {
    const { element } = await render(aFile());
    const facts = squash(element.querySelector('.facts')?.textContent);
    expect(facts).toContain('1 108 habitants');
    expect(facts).toContain('Vauréal');
    expect(facts).toContain('Ouvert le 15/01/2026');
    expect(element.querySelector('a[href="/departement/communes/95002"]')).not.toBeNull();
  });

  it('leaves the thread being read out of the other questions', async () => {
    const { element } = await render(aFile(), 't1');
    const threads = squash(element.querySelector('.threads')?.textContent);
    expect(threads).toContain('Autres questions (1)');
    expect(threads).toContain('Réfection de la voirie');
    expect(threads).not.toContain('Subvention DETR');
  });

  it('shows the satisfaction score out of 5 with the comments', async () => {
    const { element } = await render(aFile());
    const satisfaction = squash(element.querySelector('.satisfaction')?.textContent);
    expect(satisfaction).toContain('4,5 sur 5');
    expect(satisfaction).toContain('2 réponses au questionnaire de satisfaction');
    expect(satisfaction).toContain('4/5 — Facilement');
    expect(satisfaction).toContain('Réponse claire, merci.');
  });

  it('shows the effort next to the score when the commune gave it, and nothing when it skipped the question', async () => {
    const skipped = aFile().satisfaction.latest[0];
    const { element } = await render(
      aFile({
        satisfaction: {
          average: 4.5,
          count: 2,
          latest: [
            { ...skipped, threadId: 't4', subject: 'Cantine scolaire', score: 5, effort: 6 },
            skipped,
          ],
        },
      }),
    );
    const rows = Array.from(element.querySelectorAll('.satisfaction .row'), (row) => squash(row.textContent));
    expect(rows[0]).toContain('5/5 — Très facilement Effort : 6/7 — D’accord');
    expect(rows[1]).toContain('4/5 — Facilement');
    expect(rows[1]).not.toContain('Effort');
  });

  it('says there is no answer yet rather than showing a score of 0', async () => {
    const { element } = await render(aFile({ satisfaction: { average: null, count: 0, latest: [] } }));
    expect(squash(element.querySelector('.satisfaction')?.textContent)).toContain('Aucune question fermée');
    expect(element.querySelector('.score')).toBeNull();
  });

  it('shows the latest events first and the rest on demand', async () => {
    const events = Array.from({ length: COMMUNE_FILE_LIMITS.timeline + 3 }, (_, index) => anEvent(index));
    const { fixture, element } = await render(aFile({ timeline: events }));
    expect(element.querySelectorAll('.event')).toHaveLength(COMMUNE_FILE_LIMITS.timeline);
    expect(element.querySelector('.event a')?.getAttribute('href')).toBe('/departement/questions/t1');

    const more = element.querySelector<HTMLButtonElement>('.timeline button');
    expect(more?.getAttribute('aria-expanded')).toBe('false');
    more?.click();
    await fixture.whenStable();
    expect(element.querySelectorAll('.event')).toHaveLength(events.length);
    expect(more?.getAttribute('aria-expanded')).toBe('true');
  });
});
