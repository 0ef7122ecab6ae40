import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { RetentionPolicyDto, RetentionRunDto } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { of } from 'rxjs';
import { PersonalDataAdminPage, RUNS_SHOWN } from './personal-data-admin-page';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

const POLICIES: RetentionPolicyDto[] = [
  { rule: 'AUDIT_EVENTS', label: 'Journal de sécurité et d’activité', days: 365 },
  { rule: 'DEV_MAILS', label: 'Courriels de développement écrits sur le disque', days: 7 },
];

function aRun(overrides: Partial<RetentionRunDto> = {}): RetentionRunDto {
  return {
    id: 'r1',
    startedAt: '2026-03-14T02:00:00Z',
    finishedAt: '2026-03-14T02:00:04Z',
    dryRun: false,
    trigger: 'SCHEDULE',
    results: [
      { rule: 'AUDIT_EVENTS', count: 120, warned: 0, capped: false },
      { rule: 'INACTIVE_ACCOUNTS', count: 0, warned: 2, capped: false },
      { rule: 'NOTIFICATIONS', count: 1000, warned: 0, capped: true },
      { rule: 'DEV_MAILS', count: 0, warned: 0, capped: false },
    ],
    error: null,
    ...overrides,
  };
}

describe(PersonalDataAdminPage.name, () => {
  let fixture: ComponentFixture<PersonalDataAdminPage>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let confirmed: boolean;
  let dialog: { open: jest.Mock };

  const runsRequest = () => http.expectOne((r) => r.method === 'GET' && r.url === '/api/retention/runs');

  async function render(runs: RetentionRunDto[]) {
    fixture = TestBed.createComponent(PersonalDataAdminPage);
    element = fixture.nativeElement as HTMLElement;
    document.body.appendChild(element);
    fixture.detectChanges();
    http.expectOne('/api/retention/policies').flush(POLICIES);
    const list = runsRequest();
    expect(list.request.params.get('limit')).toBe(String(RUNS_SHOWN));
    list.flush(runs);
    await fixture.whenStable();
  }

  const button = (label: string) =>
    Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => plain(b.textContent) === label) as HTMLButtonElement;

  beforeEach(() => {
    confirmed = true;
    dialog = { open: jest.fn(() => ({ afterClosed: () => of(confirmed) })) };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: API_BASE_URL, useValue: '/api' },
        { provide: MatDialog, useValue: dialog },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.body.replaceChildren();
  });

  it('shows the configured periods in a table', async () => {
    await render([]);
    const rows = Array.from(element.querySelectorAll('table tbody tr')).map((tr) =>
      Array.from(tr.children)
        .map((cell) => plain(cell.textContent))
        .join(' | '),
    );
    expect(rows).toEqual(['Journal de sécurité et d’activité | 1 an', 'Courriels de développement écrits sur le disque | 7 jours']);
    expect(plain(element.textContent)).toContain('La tâche n’est encore jamais passée.');
  });

  it('lists the runs: date, real or dry, trigger, what each rule did, and the error', async () => {
    await render([
      aRun(),
      aRun({ id: 'r2', dryRun: true, trigger: 'ADMIN', results: [{ rule: 'AUDIT_EVENTS', count: 0, warned: 0, capped: false }] }),
      aRun({ id: 'r3', trigger: 'CLI', finishedAt: null, results: [], error: 'La base de données ne répond pas.' }),
    ]);
    const runs = Array.from(element.querySelectorAll('.runs > li'));
    expect(runs).toHaveLength(3);
    const first = plain(runs[0].textContent);
    expect(first).toContain('14/03/2026 à 03:00');
    expect(first).toContain('Passage réel');
    expect(first).toContain('Déclenché par : Tâche planifiée');
    expect(Array.from(runs[0].querySelectorAll('.rules li')).map((li) => plain(li.textContent))).toEqual([
      'Journal de sécurité et d’activité : 120 traités',
      'Comptes inactifs (avertis par courriel 30 et 7 jours avant) : 0 traités, 2 avertis par courriel',
      'Notifications : 1000 traités, limite par passage atteinte (la suite au prochain passage)',
    ]);
    expect(plain(runs[1].textContent)).toContain('Simulation');
    expect(plain(runs[1].textContent)).toContain('Déclenché par : Un administrateur');
    expect(plain(runs[1].textContent)).toContain('Rien ne serait supprimé.');
    expect(plain(runs[2].textContent)).toContain('Déclenché par : Ligne de commande');
    expect(plain(runs[2].textContent)).toContain('Erreur : La base de données ne répond pas.');
  });

  it('runs a dry run without confirmation and shows what it would do', async () => {
    await render([]);
    button('Simuler (sans rien changer)').click();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/retention/runs');
    expect(post.request.body).toEqual({ dryRun: true });
    expect(dialog.open).not.toHaveBeenCalled();
    const dry = aRun({ id: 'd1', dryRun: true, trigger: 'ADMIN' });
    post.flush(dry);
    TestBed.tick();
    runsRequest().flush([dry]);
    await fixture.whenStable();
    expect(plain(element.querySelector('[role="status"]')?.textContent)).toBe(
      'Simulation terminée : 1120 éléments seraient supprimés ou remplacés par un pseudonyme, 2 comptes seraient avertis par courriel. ' +
        'La limite par passage est atteinte : le passage suivant continuera.',
    );
    expect(document.activeElement).toBe(element.querySelector('[role="status"]'));
    expect(element.querySelector('.last-run h3')?.textContent).toBe('Résultat de la simulation');
    expect(element.querySelectorAll('.last-run .rules li')).toHaveLength(3);
  });

  it('asks before a real run, and does nothing when the admin declines', async () => {
    await render([]);
    confirmed = false;
    button('Lancer maintenant').click();
    await fixture.whenStable();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    http.expectNone((r) => r.method === 'POST');

    confirmed = true;
    button('Lancer maintenant').click();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/retention/runs');
    expect(post.request.body).toEqual({ dryRun: false });
    post.flush(aRun({ trigger: 'ADMIN', results: [{ rule: 'AUDIT_EVENTS', count: 3, warned: 0, capped: false }] }));
    TestBed.tick();
    runsRequest().flush([]);
    await fixture.whenStable();
    expect(plain(element.querySelector('[role="status"]')?.textContent)).toBe(
      'Passage terminé : 3 éléments supprimés ou remplacés par un pseudonyme.',
    );
    expect(element.querySelector('.last-run h3')?.textContent).toBe('Résultat du passage');
  });

  it('shows the API’s message when the run is refused', async () => {
    await render([]);
    button('Simuler (sans rien changer)').click();
    http
      .expectOne((r) => r.method === 'POST')
      .flush({ code: 'RETENTION_RUNNING', message: 'Un passage est déjà en cours.', requestId: 'r' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(plain(element.querySelector('[role="alert"]')?.textContent)).toBe('Un passage est déjà en cours.');
  });
});
