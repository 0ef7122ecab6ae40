import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { ThreadSummaryDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { LiveUpdates } from '@passerelle/web/live/data-access';
import { ThreadsApi } from '@passerelle/web/threads/data-access';
import { of, Subject } from 'rxjs';
import { CommuneThreadsPage, pageIndexOf, stateFilterOf } from './commune-threads-page';
import { threadFixture, userFixture } from './testing/thread-fixtures';

describe('the list’s address', () => {
  it('reads the state filter and the page, and falls back on the defaults', () => {
    expect(stateFilterOf('fermees')).toBe('fermees');
    expect(stateFilterOf(undefined)).toBe('en-cours');
    expect(stateFilterOf('toString')).toBe('en-cours');
    expect(pageIndexOf('3')).toBe(2);
    expect(pageIndexOf('0')).toBe(0);
    expect(pageIndexOf('abc')).toBe(0);
  });
});

describe(CommuneThreadsPage.name, () => {
  let fixture: ComponentFixture<CommuneThreadsPage>;
  let element: HTMLElement;
  let list: jest.Mock;
  let threadLists: Subject<void>;

  async function render(items: ThreadSummaryDto[], inputs: Record<string, string> = {}) {
    list.mockReturnValue(of({ items, total: items.length, limit: 20, offset: 0 }));
    fixture = TestBed.createComponent(CommuneThreadsPage);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  beforeEach(() => {
    list = jest.fn();
    threadLists = new Subject<void>();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: LiveUpdates, useValue: { threadLists } },
        { provide: ThreadsApi, useValue: { listCommuneThreads: list } },
        { provide: AuthSession, useValue: { user: signal(userFixture()) } },
      ],
    });
  });

  it('asks for the commune’s threads of the state and page in the address', async () => {
    await render([threadFixture({ unread: true })], { etat: 'fermees', q: ' detr ', page: '2' });
    expect(list).toHaveBeenCalledWith('95002', { state: 'CLOSED', q: 'detr', limit: 20, offset: 20 });
    expect(element.querySelector('pas-thread-list .tag')?.textContent).toContain('Non lu');
  });

  it('reads the page shown again when a question changes elsewhere', async () => {
    await render([threadFixture()], { page: '2' });
    list.mockReturnValue(of({ items: [threadFixture({ unread: true })], total: 1, limit: 20, offset: 20 }));

    threadLists.next();
    await fixture.whenStable();

    expect(list).toHaveBeenCalledTimes(2);
    expect(list).toHaveBeenLastCalledWith('95002', { state: 'ACTIVE', q: undefined, limit: 20, offset: 20 });
    expect(element.querySelector('pas-thread-list .tag')?.textContent).toContain('Non lu');
  });

  it('invites to ask a first question when there is none', async () => {
    await render([], { etat: 'toutes' });
    expect(element.querySelector('.empty h2')?.textContent).toBe('Vous n’avez pas encore posé de question');
    expect(element.querySelector('.empty a')?.getAttribute('href')).toBe('/espace/questions/nouvelle');
  });

  it('puts the chosen filter in the address, back on the first page', async () => {
    await render([], { page: '3' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const closed = Array.from(element.querySelectorAll('mat-button-toggle button')).find((b) => b.textContent?.includes('Fermées'));
    (closed as HTMLButtonElement).click();
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: { etat: 'fermees', page: null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  });
});
