import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CantonFeatureCollection, DepartementIndicatorsDto, IndicatorThreadRow } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { IndicatorsApi } from '@passerelle/web/indicators/data-access';
import { CHART_RENDERER } from '@passerelle/web/indicators/ui-indicators';
import { MAP_STYLESHEET_URL } from '@passerelle/web/shared/ui-map';
import { todayInParis } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of } from 'rxjs';
import { DepartementIndicatorsPage } from './departement-indicators-page';
import { dashboardFixture, summaryFixture } from './testing/indicator-fixtures';

const HOUR = 3_600_000;
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** A table row's cells, as read one by one. */
const cells = (row: Element | null) => Array.from(row?.querySelectorAll('th, td') ?? []).map((cell) => squash(cell.textContent));

const drillRow: IndicatorThreadRow = {
  threadId: 't1',
  subject: 'Subvention pour la cour d’école',
  communeInsee: '95002',
  communeName: 'Ableiges',
  category: 'FUNDING',
  createdAt: '2026-03-02T09:00:00Z',
  firstResponseAt: '2026-03-10T08:00:00Z',
  firstResponseWorkingMs: 45 * HOUR,
  closedAt: null,
  satisfactionScore: null,
  effortScore: null,
};

const ratedRow: IndicatorThreadRow = {
  ...drillRow,
  threadId: 't2',
  subject: 'Arrêté de voirie',
  firstResponseWorkingMs: 5 * HOUR,
  closedAt: '2026-03-12T15:00:00Z',
  satisfactionScore: 4,
  effortScore: 6,
};

const outlines: CantonFeatureCollection = { type: 'FeatureCollection', features: [] };

describe(DepartementIndicatorsPage.name, () => {
  let api: { dashboard: jest.Mock; threads: jest.Mock; csv: jest.Mock };
  let territory: { getCantonOutlines: jest.Mock };
  let harness: RouterTestingHarness;
  let element: HTMLElement;

  async function open(url: string, { role = 'AGENT', dto = dashboardFixture() }: { role?: 'AGENT' | 'ADMIN'; dto?: DepartementIndicatorsDto } = {}) {
    api = {
      dashboard: jest.fn((_code: string, query: { groupBy?: string }) => of({ ...dto, groupBy: query.groupBy ?? 'canton' })),
      threads: jest.fn(() => of([drillRow])),
      csv: jest.fn(() => of(new Blob(['\ufeff# Indicateurs'], { type: 'text/csv' }))),
    };
    territory = { getCantonOutlines: jest.fn(() => of(outlines)) };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'departement/indicateurs', component: DepartementIndicatorsPage }], withComponentInputBinding()),
        { provide: AuthSession, useValue: { user: signal({ id: 'me', role, displayName: 'Julien Morel', departement: { code: '95', name: 'Val-d’Oise' } }) } },
        { provide: IndicatorsApi, useValue: api },
        { provide: TerritoryApi, useValue: territory },
        // jsdom has no canvas: the charts are drawn by a stand-in, their tables are real.
        { provide: CHART_RENDERER, useValue: async () => ({ destroy: () => undefined }) },
        { provide: MAP_STYLESHEET_URL, useValue: null },
      ],
    });
    harness = await RouterTestingHarness.create(url);
    await settle();
    element = harness.routeNativeElement as HTMLElement;
  }

  async function settle() {
    for (let i = 0; i < 3; i++) {
      await harness.fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  function button(label: string): HTMLButtonElement {
    const found = Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => squash(b.textContent) === label);
    if (!found) {
      throw new Error(`No button « ${label} »`);
    }
    return found;
  }

  const selects = () => TestbedHarnessEnvironment.loader(harness.fixture).getAllHarnesses(MatSelectHarness);
  const url = () => TestBed.inject(Router).url;

  it('starts with the questions still waiting, the late ones highlighted, before any figure of the period', async () => {
    await open('/departement/indicateurs');
    expect(api.dashboard).toHaveBeenCalledWith('95', { from: undefined, to: undefined, groupBy: 'canton' });
    const headings = Array.from(element.querySelectorAll('h1, h2')).map((h) => `${h.tagName} ${squash(h.textContent)}`);
    expect(headings.slice(0, 3)).toEqual(['H1 Indicateurs du département', 'H2 Questions en attente d’une première réponse', 'H2 Période']);
    expect(squash(element.querySelector('.backlog-figures')?.textContent)).toBe('7 questions en attente aujourd’hui, dont 2 en retard (au-delà de l’objectif de 5 jours ouvrés).');
    expect(squash(element.querySelector('.backlog .late')?.textContent)).toBe('2 en retard');
    // The backlog's table is open from the start: four age bands.
    const backlogTable = element.querySelector('.backlog table');
    expect(backlogTable?.closest('details')?.open).toBe(true);
    expect(Array.from(backlogTable?.querySelectorAll('tbody tr') ?? []).map(cells)).toEqual([
      ['Moins de 2 jours ouvrés', '3'],
      ['De 2 à 5 jours ouvrés', '2'],
      ['De 5 à 10 jours ouvrés', '1'],
      ['Plus de 10 jours ouvrés', '1'],
    ]);
    expect(squash(element.querySelector('.rebuilt')?.textContent)).toBe('Données recalculées chaque nuit ; dernière reconstruction : 16/03/2026 à 03:00.');
  });

  it('shows each figure with its count and its change since the previous period, in words', async () => {
    await open('/departement/indicateurs');
    expect(squash(element.querySelector('#ind-figures-title + .note')?.textContent)).toBe(
      'Délais en temps ouvré : « j » compte des jours ouvrés de 7 h 30 (les horaires du département) ; les délais écoulés comptent des jours de 24 h.',
    );
    const card = element.querySelector('pas-figure-card');
    expect(squash(card?.querySelector('h3')?.textContent)).toBe('Première réponse, en temps ouvré');
    expect(Array.from(card?.querySelectorAll('dd') ?? []).map((dd) => squash(dd.textContent))).toEqual(['3 h 30', '2 j 3 h']);
    expect(squash(card?.querySelector('.comparison')?.textContent)).toContain('+12 min par rapport aux 30 jours précédents');
    const cards = Array.from(element.querySelectorAll('pas-figure-card')).map((c) => squash(c.textContent));
    expect(cards.find((text) => text.startsWith('Réponses dans l’objectif'))).toContain('88 % des 42 questions répondues');
    expect(cards.find((text) => text.startsWith('Réponses dans l’objectif'))).toContain('+8 points par rapport aux 30 jours précédents');
    expect(cards.find((text) => text.startsWith('Questions déposées'))).toContain('+5 questions par rapport aux 30 jours précédents');
  });

  it('shows « — » and the count when a figure rests on too few questions', async () => {
    const few = summaryFixture({
      firstResponse: {
        working: { count: 4, p50Ms: null, p90Ms: null },
        elapsed: { count: 4, p50Ms: null, p90Ms: null },
        withinTarget: { count: 4, share: 0.75 },
        targetDays: 5,
      },
    });
    await open('/departement/indicateurs', { dto: dashboardFixture({ summary: few }) });
    const card = element.querySelector('pas-figure-card');
    expect(Array.from(card?.querySelectorAll('dd') ?? []).map((dd) => squash(dd.textContent))).toEqual(['—', '—']);
    expect(squash(card?.querySelector('.count')?.textContent)).toBe('4 questions répondues : trop peu pour un délai (moins de 10)');
    expect(squash(card?.querySelector('.comparison')?.textContent)).toContain('Pas de comparaison avec les 30 jours précédents (trop peu de questions)');
  });

  it('reads the period and the breakdown from the address, so that a reload keeps them', async () => {
    await open('/departement/indicateurs?from=2026-02-01&to=2026-02-28&groupBy=agent');
    expect(api.dashboard).toHaveBeenLastCalledWith('95', { from: '2026-02-01', to: '2026-02-28', groupBy: 'agent' });
    const [period, month] = await selects();
    expect(await period.getValueText()).toBe('Un mois');
    expect(await month.getValueText()).toBe('Février 2026');
    expect(squash(element.textContent)).toContain('Vous voyez votre propre ligne');
  });

  it('writes the period chosen in the address and asks the API for it', async () => {
    await open('/departement/indicateurs');
    const [period] = await selects();
    await period.open();
    await period.clickOptions({ text: 'Une année' });
    await settle();
    const lastYear = Number(todayInParis().slice(0, 4)) - 1;
    const [, year] = await selects();
    await year.open();
    await year.clickOptions({ text: String(lastYear) });
    await settle();
    expect(url()).toBe(`/departement/indicateurs?from=${lastYear}-01-01&to=${lastYear}-12-31`);
    expect(api.dashboard).toHaveBeenLastCalledWith('95', { from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, groupBy: 'canton' });

    await period.open();
    await period.clickOptions({ text: 'Les 30 derniers jours' });
    await settle();
    expect(url()).toBe('/departement/indicateurs');
  });

  it('checks custom dates before asking, and writes them in the address', async () => {
    await open('/departement/indicateurs');
    const [period] = await selects();
    await period.open();
    await period.clickOptions({ text: 'Des dates choisies' });
    await settle();
    const type = (id: string, value: string) => {
      const field = element.querySelector<HTMLInputElement>(id) as HTMLInputElement;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    type('#ind-from', '2026-03-10');
    type('#ind-to', '2026-03-01');
    button('Afficher').click();
    await settle();
    expect(squash(element.querySelector('mat-error')?.textContent)).toBe('La date de fin doit suivre la date de début.');
    expect(url()).toBe('/departement/indicateurs');

    type('#ind-to', '2026-03-12');
    button('Afficher').click();
    await settle();
    expect(url()).toBe('/departement/indicateurs?from=2026-03-10&to=2026-03-12');
    expect(api.dashboard).toHaveBeenLastCalledWith('95', { from: '2026-03-10', to: '2026-03-12', groupBy: 'canton' });
  });

  it('lists the questions behind a figure, of the same period, and moves the focus to the list', async () => {
    await open('/departement/indicateurs?from=2026-03-01&to=2026-03-15');
    button('Voir les questions en retard').click();
    await settle();
    expect(api.threads).toHaveBeenCalledWith('95', 'late', { from: '2026-03-01', to: '2026-03-15' });
    const heading = element.querySelector('#ind-drill-title');
    expect(squash(heading?.textContent)).toBe('Questions répondues après l’objectif');
    expect(document.activeElement).toBe(heading);
    const row = element.querySelector('pas-drill-table tbody tr');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/departement/questions/t1');
    expect(cells(row)).toEqual(['Subvention pour la cour d’école', 'Ableiges', 'Financement', '02/03/2026', '10/03/2026', '6 j', '—']);

    button('Voir les questions en attente').click();
    await settle();
    expect(api.threads).toHaveBeenLastCalledWith('95', 'backlog', { from: '2026-03-01', to: '2026-03-15' });
    button('Fermer la liste').click();
    await settle();
    expect(element.querySelector('#ind-drill-title')).toBeNull();
  });

  it('lists the questions rated by their commune with their score, for satisfaction and for effort', async () => {
    await open('/departement/indicateurs?from=2026-03-01&to=2026-03-15');
    api.threads.mockReturnValue(of([ratedRow]));
    const opinionCard = (title: string) =>
      Array.from(element.querySelectorAll('pas-figure-card')).find((card) => squash(card.querySelector('h3')?.textContent) === title);
    expect(squash(opinionCard('Satisfaction (sur 5)')?.querySelector('.actions')?.textContent)).toBe('Voir les questions notées');
    expect(squash(opinionCard('Effort (sur 7)')?.querySelector('.actions')?.textContent)).toBe('Voir les réponses sur l’effort');

    button('Voir les questions notées').click();
    await settle();
    expect(api.threads).toHaveBeenLastCalledWith('95', 'satisfaction', { from: '2026-03-01', to: '2026-03-15' });
    expect(squash(element.querySelector('#ind-drill-title')?.textContent)).toBe('Questions fermées dans la période avec une note de satisfaction');
    const table = () => element.querySelector('pas-drill-table table');
    expect(cells(table()?.querySelector('thead tr') ?? null).at(-1)).toBe('Satisfaction (sur 5)');
    expect(cells(table()?.querySelector('tbody tr') ?? null)).toEqual([
      'Arrêté de voirie',
      'Ableiges',
      'Financement',
      '02/03/2026',
      '10/03/2026',
      '5 h',
      '12/03/2026',
      '4 / 5',
    ]);

    button('Voir les réponses sur l’effort').click();
    await settle();
    expect(api.threads).toHaveBeenLastCalledWith('95', 'effort', { from: '2026-03-01', to: '2026-03-15' });
    expect(squash(element.querySelector('#ind-drill-title')?.textContent)).toBe('Questions fermées dans la période avec une réponse sur l’effort');
    expect(cells(table()?.querySelector('thead tr') ?? null).at(-1)).toBe('Effort (sur 7)');
    expect(cells(table()?.querySelector('tbody tr') ?? null).at(-1)).toBe('6 / 7');
  });

  it('writes the office hours the département counts working time in', async () => {
    await open('/departement/indicateurs');
    expect(squash(element.querySelector('#ind-definitions-title ~ p')?.textContent)).toBe(
      'Horaires de bureau pris en compte : de 9 h à 12 h 30 et de 13 h 30 à 17 h 30 (heure de Paris), les jours ouvrés.',
    );
  });

  it('breaks the figures down by the group chosen, with the cantons’ map for cantons', async () => {
    await open('/departement/indicateurs');
    expect(territory.getCantonOutlines).toHaveBeenCalledWith('95');
    const table = element.querySelector('pas-breakdown-table table');
    expect(squash(table?.querySelector('caption')?.textContent)).toBe('Première réponse par canton, du 15/02/2026 au 16/03/2026');
    expect(Array.from(table?.querySelectorAll('tbody tr') ?? []).map(cells)).toEqual([
      ['Pontoise', '12', '42', '3 h 30', '2 j 3 h', '88 %', '3'],
      ['Autres cantons', '4', '4', '—', '—', '75 %', '0'],
    ]);
    expect(element.querySelector('pas-canton-map-view')).not.toBeNull();

    const group = (await selects()).at(-1) as MatSelectHarness;
    await group.open();
    await group.clickOptions({ text: 'Catégorie' });
    await settle();
    expect(url()).toBe('/departement/indicateurs?groupBy=category');
    expect(api.dashboard).toHaveBeenLastCalledWith('95', { from: undefined, to: undefined, groupBy: 'category' });
    expect(element.querySelector('pas-canton-map-view')).toBeNull();
  });

  it('downloads the CSV of a level for the period, with the agents’ names when an admin asks', async () => {
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:csv'), revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    await open('/departement/indicateurs?from=2026-03-01&to=2026-03-15', { role: 'ADMIN' });
    element.querySelector<HTMLInputElement>('mat-checkbox input')?.click();
    await settle();
    button('Par agent (CSV)').click();
    await settle();
    expect(api.csv).toHaveBeenCalledWith('95', { from: '2026-03-01', to: '2026-03-15', level: 'agent', names: true });
    expect(clicked).toEqual(['indicateurs-95-agent-2026-02-15-2026-03-16.csv']);
    jest.restoreAllMocks();
  });

  it('offers no names to an agent: the export names agents by a code', async () => {
    await open('/departement/indicateurs');
    expect(element.querySelector('mat-checkbox')).toBeNull();
    expect(squash(element.textContent)).toContain('Les agents y sont désignés par un code.');
  });
});
