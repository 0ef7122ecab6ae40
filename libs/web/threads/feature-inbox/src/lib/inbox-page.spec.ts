import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { InboxQuery, Page, ThreadSummaryDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { LiveUpdates } from '@passerelle/web/live/data-access';
import { StaffApi } from '@passerelle/web/staff/data-access';
import { PublicationApi } from '@passerelle/web/publication/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { InboxSettingsApi, ThreadsApi } from '@passerelle/web/threads/data-access';
import { of, Subject } from 'rxjs';
import { InboxBulkBar } from './inbox-bulk-bar';
import { InboxPage } from './inbox-page';

function aThread(id: string, subject: string): ThreadSummaryDto {
  return {
    id,
    communeInsee: '95002',
    communeName: 'Ableiges',
    subject,
    category: 'FUNDING',
    state: 'NEW',
    project: null,
    createdAt: '2026-11-02T09:00:00Z',
    createdBy: 'Marie Durand',
    lastActivityAt: '2026-11-02T09:00:00Z',
    messageCount: 1,
    unread: false,
    satisfactionScore: null,
    staff: {
      assignee: null,
      labels: [],
      dueAt: '2026-11-09T23:00:00Z',
      overdue: false,
      clockPaused: false,
      cantonName: 'Pontoise',
      internalNoteCount: 0,
    },
  };
}

describe(InboxPage.name, () => {
  let inbox: jest.Mock;
  let bulk: jest.Mock;
  let snack: jest.Mock;
  let listAgents: jest.Mock;
  let threadLists: Subject<void>;

  async function open(url: string, role: 'AGENT' | 'ADMIN' = 'AGENT') {
    const page: Page<ThreadSummaryDto> = {
      items: [aThread('t1', 'Subvention pour l’école'), aThread('t2', 'Voirie communale')],
      total: 2,
      limit: 20,
      offset: 0,
    };
    inbox = jest.fn().mockReturnValue(of(page));
    bulk = jest.fn().mockReturnValue(of({ updated: 2 }));
    snack = jest.fn();
    listAgents = jest.fn().mockReturnValue(of({ items: [], total: 0, limit: 100, offset: 0 }));
    threadLists = new Subject<void>();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'departement', component: InboxPage }]),
        {
          provide: AuthSession,
          useValue: {
            user: signal({ id: 'me', displayName: 'Julien Morel', departement: { code: '95', name: "Val-d'Oise" } }),
            role: signal(role),
          },
        },
        { provide: ThreadsApi, useValue: { inbox, bulk } },
        { provide: InboxSettingsApi, useValue: { listLabels: () => of([]) } },
        { provide: StaffApi, useValue: { listAgents } },
        {
          provide: TerritoryApi,
          useValue: {
            listCantons: () => of({ items: [], total: 0, limit: 100, offset: 0 }),
            listCommunes: () => of({ items: [], total: 0, limit: 10, offset: 0 }),
            getCommune: () => of({ insee: '95002', name: 'Ableiges' }),
          },
        },
        { provide: MatSnackBar, useValue: { open: snack } },
        { provide: LiveUpdates, useValue: { threadLists } },
        { provide: PublicationApi, useValue: { queue: () => of({ items: [], total: 2, limit: 1, offset: 0 }) } },
      ],
    });
    const harness = await RouterTestingHarness.create(url);
    await harness.fixture.whenStable();
    return harness;
  }

  it('asks the API for the view written in the address', async () => {
    await open('/departement?etat=toutes&perimetre=miennes&q=ecole&page=2');
    expect(inbox).toHaveBeenLastCalledWith<[InboxQuery]>({
      state: 'ALL',
      scope: 'mine',
      q: 'ecole',
      limit: 20,
      offset: 20,
    });
  });

  it('reads the page shown again when a question arrives or changes, the view and the ticks kept', async () => {
    const harness = await open('/departement?etat=toutes&page=2');
    const box = harness.routeNativeElement?.querySelector<HTMLInputElement>('td mat-checkbox input');
    box?.click();
    await harness.fixture.whenStable();
    const calls = inbox.mock.calls.length;

    threadLists.next();
    await harness.fixture.whenStable();

    expect(inbox).toHaveBeenCalledTimes(calls + 1);
    expect(inbox).toHaveBeenLastCalledWith({ state: 'ALL', limit: 20, offset: 20 });
    expect(harness.routeNativeElement?.querySelector<HTMLInputElement>('td mat-checkbox input')?.checked).toBe(true);
  });

  it('links to the publications waiting for a review, with how many wait', async () => {
    const harness = await open('/departement');
    const link = harness.routeNativeElement?.querySelector('a.publications-link');
    expect(link?.getAttribute('href')).toBe('/departement/publications');
    expect(link?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Publications à relire 2 en attente');
  });

  it('writes a new filter in the address and starts again from the first page', async () => {
    const harness = await open('/departement?page=3');
    const toggle = harness.routeNativeElement?.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')[2];
    toggle?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/departement?perimetre=non-attribuees');
    expect(inbox).toHaveBeenLastCalledWith({ scope: 'unassigned', limit: 20, offset: 0 });
  });

  it('reads the agents only for an admin (agents may not list them)', async () => {
    await open('/departement');
    expect(listAgents).not.toHaveBeenCalled();
  });

  it('assigns the ticked threads at once, confirms in French and reloads the queue', async () => {
    const harness = await open('/departement');
    const boxes = harness.routeNativeElement?.querySelectorAll<HTMLInputElement>('td mat-checkbox input') ?? [];
    expect(boxes).toHaveLength(2);
    boxes.forEach((box) => box.click());
    await harness.fixture.whenStable();

    const bar = harness.fixture.debugElement.query(By.directive(InboxBulkBar));
    expect(bar.nativeElement.textContent).toContain('2 questions sélectionnées');
    const calls = inbox.mock.calls.length;
    (bar.componentInstance as InboxBulkBar).apply.emit({
      kind: 'assign',
      assignee: { id: 'me', displayName: 'Julien Morel', isMe: true },
    });
    await harness.fixture.whenStable();

    expect(bulk).toHaveBeenCalledWith({ threadIds: ['t1', 't2'], assigneeId: 'me' });
    expect(snack).toHaveBeenCalledWith('2 questions attribuées à vous-même.', 'OK', expect.anything());
    expect(inbox.mock.calls.length).toBe(calls + 1);
    expect(harness.fixture.debugElement.query(By.directive(InboxBulkBar))).toBeNull();
  });
});
