import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { IndicatorsApi } from '@passerelle/web/indicators/data-access';
import { CHART_RENDERER } from '@passerelle/web/indicators/ui-indicators';
import { of, throwError } from 'rxjs';
import { PublicIndicatorsPage } from './public-indicators-page';
import { publicFixture } from './testing/indicator-fixtures';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe(PublicIndicatorsPage.name, () => {
  async function render(figures = jest.fn(() => of(publicFixture()))) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: IndicatorsApi,
          useValue: {
            publicFigures: figures,
            publicUrls: (code?: string) => ({ json: `/api/public/indicators?departement=${code}`, csv: `/api/public/indicators.csv?departement=${code}` }),
          },
        },
        { provide: CHART_RENDERER, useValue: async () => ({ destroy: () => undefined }) },
      ],
    });
    const fixture = TestBed.createComponent(PublicIndicatorsPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the département’s median and 90th percentile over 30 days, the share within the target, the volumes and the opinions', async () => {
    const element = await render();
    expect(squash(element.querySelector('.lead')?.textContent)).toContain('Département Val-d’Oise, les 30 derniers jours (du 15/02/2026 au 16/03/2026)');
    const cards = Array.from(element.querySelectorAll('pas-figure-card'));
    const values = (card: Element) => Array.from(card.querySelectorAll('dd, .value, .count, .detail, .secondary')).map((e) => squash(e.textContent));
    // Working time in days of the département's office hours (7 h 30), calendar time in days of 24 h.
    expect(squash(cards[0].querySelector('h3')?.textContent)).toBe('Délai de première réponse, en temps ouvré');
    expect(values(cards[0])).toEqual(['3 h 30', '2 j 3 h', 'Sur 42 questions répondues']);
    expect(values(cards[1])).toEqual(['20 h', '3 j 18 h', 'Sur 42 questions répondues']);
    expect(values(cards[2])).toEqual(['88 %', 'des 42 questions répondues l’ont été en 5 jours ouvrés au plus, l’objectif du département.']);
    expect(values(cards[4])).toEqual(['Moyenne 5,5 / 7', 'Taux de réponse 40 % : 12 réponses sur 30 questions fermées.']);
    expect(element.querySelector('pas-volumes-view table caption')?.textContent).toContain('Questions par semaine');
    expect(Array.from(element.querySelectorAll('h1, h2')).map((h) => squash(h.textContent))).toEqual([
      'Délais de réponse du département aux communes',
      'Première réponse aux questions',
      'Questions par semaine',
      'Avis des communes',
      'Définitions',
      'Données ouvertes',
    ]);
  });

  it('says how working time is counted, from the département’s own office hours', async () => {
    const element = await render();
    expect(squash(element.querySelector('#pub-first-title + .working-time')?.textContent)).toBe(
      'Le temps ouvré compte les jours ouvrés (du lundi au vendredi, hors jours fériés) de 9 h à 12 h 30 et de 13 h 30 à 17 h 30, heure de Paris ; un jour ouvré compte 7 h 30.',
    );

    TestBed.resetTestingModule();
    const other = await render(jest.fn(() => of(publicFixture({ officeHours: [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '18:00' }] }))));
    expect(squash(other.querySelector('.working-time')?.textContent)).toContain('de 8 h à 12 h et de 14 h à 18 h, heure de Paris ; un jour ouvré compte 8 h.');
    // 18 h of office time is 2 days of 8 h and 2 h.
    expect(Array.from(other.querySelectorAll('pas-figure-card')[0].querySelectorAll('dd')).map((dd) => squash(dd.textContent))).toEqual(['3 h 30', '2 j 2 h']);
  });

  it('shows no breakdown by agent, canton or commune, nor any drill-down', async () => {
    const element = await render();
    expect(element.querySelector('pas-breakdown-table, pas-drill-table, pas-canton-map-view, mat-select')).toBeNull();
    const text = squash(element.textContent);
    expect(text).not.toMatch(/Agent|Canton|Voir les questions/);
    expect(element.querySelectorAll('button:not(.help)')).toHaveLength(0);
  });

  it('links to the same figures as open data, JSON and CSV, under the Licence Ouverte', async () => {
    const element = await render();
    const links = Array.from(element.querySelectorAll<HTMLAnchorElement>('#pub-open-title ~ * a, #pub-open-title ~ a'));
    expect(links.map((a) => [squash(a.textContent), a.getAttribute('href')])).toEqual([
      ['Licence Ouverte / Open Licence version 2.0', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/'],
      ['Télécharger le fichier CSV', '/api/public/indicators.csv?departement=95'],
      ['Données au format JSON', '/api/public/indicators?departement=95'],
      ['données ouvertes', '/donnees-ouvertes'],
    ]);
  });

  it('says in French when the figures cannot be read', async () => {
    const element = await render(jest.fn(() => throwError(() => new HttpErrorResponse({ status: 0 }))));
    expect(squash(element.querySelector('[role="alert"]')?.textContent)).toContain('Le serveur est injoignable');
  });
});
