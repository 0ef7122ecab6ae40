import { barChartHeight, countBarConfig, volumesChartConfig, weekLabel, wrapLabel } from './chart-configs';

describe('chart configurations', () => {
  it('draws the four weekly series, each with its own dash and point shape, in French', () => {
    const config = volumesChartConfig([
      { week: '2026-03-02', created: 3, answered: 2, closed: 1, reopened: 0 },
      { week: '2026-03-09', created: 5, answered: 4, closed: 2, reopened: 1 },
    ]);
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['02/03', '09/03']);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Déposées', [3, 5]],
      ['Répondues', [2, 4]],
      ['Fermées', [1, 2]],
      ['Rouvertes', [0, 1]],
    ]);
    expect(new Set(config.data.datasets.map((d) => JSON.stringify(d.borderDash))).size).toBe(4);
    expect(new Set(config.data.datasets.map((d) => d.pointStyle)).size).toBe(4);
    expect(config.options?.locale).toBe('fr-FR');
    expect(config.options?.maintainAspectRatio).toBe(false);
  });

  it('draws counts as bars, across for long labels, without a legend for one series', () => {
    const config = countBarConfig(
      [
        { label: 'Voirie', count: 4 },
        { label: 'Bâtiments communaux', count: 2 },
      ],
      'Projets',
      true,
    );
    expect(config.options?.indexAxis).toBe('y');
    // Long labels on two lines, so that a narrow chart does not clip them.
    expect(config.data.labels).toEqual([['Voirie'], ['Bâtiments', 'communaux']]);
    expect(config.data.datasets[0].data).toEqual([4, 2]);
    expect(config.options?.plugins?.legend?.display).toBe(false);
    expect(countBarConfig([], 'Projets').options?.indexAxis).toBe('x');
  });

  it('names a week by its Monday, and sizes horizontal bars to their count', () => {
    expect(weekLabel('2026-12-28')).toBe('28/12');
    expect(barChartHeight(2)).toBe(160);
    expect(barChartHeight(20)).toBe(936);
    expect(wrapLabel('Environnement et biodiversité')).toEqual(['Environnement et', 'biodiversité']);
    expect(wrapLabel('De 5 à 10 jours ouvrés')).toEqual(['De 5 à 10 jours', 'ouvrés']);
    expect(wrapLabel('Saint-Ouen-l’Aumône')).toEqual(['Saint-Ouen-', 'l’Aumône']);
    expect(wrapLabel('Pontoise')).toEqual(['Pontoise']);
  });
});
