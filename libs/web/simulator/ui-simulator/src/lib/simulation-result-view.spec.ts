import { TestBed } from '@angular/core/testing';
import { simulationLine, simulationResult } from './testing/simulation-fixtures';
import { SimulationResultView } from './simulation-result-view';

describe(SimulationResultView.name, () => {
  function render(result = simulationResult()): HTMLElement {
    const fixture = TestBed.createComponent(SimulationResultView);
    fixture.componentRef.setInput('result', result);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the notice, each scheme with its eligibility and the plan with its FCTVA year', () => {
    const element = render();
    expect(element.querySelector('.notice')?.textContent).toContain('estimations');
    const headings = [...element.querySelectorAll('h4')].map((h) => h.textContent?.trim());
    expect(headings).toEqual(['DETR — Dotation d’équipement des territoires ruraux', 'LEADER — Programme LEADER; « Europe »']);
    expect([...element.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['Éligible', 'Non éligible']);
    const rows = [...element.querySelectorAll('.plan tbody th[scope=row]')].map((th) => th.textContent?.trim());
    expect(rows).toContain('Aide DETR');
    expect(rows).toContain('FCTVA (versé en 2027)');
    expect(element.querySelector('.plan caption')?.textContent).toContain('Plan de financement');
    expect(element.textContent).toContain('Aucun plafond');
  });

  it('lists the caps that bit, and says when the FCTVA is not estimated', () => {
    const base = simulationResult();
    const element = render({
      ...base,
      plan: {
        ...base.plan,
        totals: { ...base.plan.totals, fctvaCents: null, fctvaYear: null, cashAdvanceCents: null, netCostCents: null },
        capsApplied: [
          {
            cap: 'MIN_COMMUNE_SHARE',
            requestedCents: 200,
            limitCents: 100,
            removedCents: 100,
            reductions: [{ schemeCode: 'DETR', removedCents: 100 }],
            source: { label: 'CGCT L1111-10', url: 'https://www.legifrance.gouv.fr/' },
          },
        ],
      },
      warnings: [{ code: 'FCTVA_NOT_ESTIMATED', schemeCode: null, message: 'Sans coût TTC, le FCTVA n’est pas estimé.' }],
    });
    expect(element.querySelector('.caps')?.textContent).toContain('Part minimale de la commune');
    expect(element.querySelector('.warnings')?.textContent).toContain('FCTVA n’est pas estimé');
    expect(element.querySelector('.plan')?.textContent).toContain('non estimé');
  });

  it('gives the typical rate with its quartiles and the count behind it, only when known', () => {
    const typical = simulationLine({ typicalCents: 5_400_015, typicalRate: { schemeId: 's-detr', count: 7, p25Bp: 2750, p50Bp: 3000, p75Bp: 3500 } });
    const element = render(simulationResult({ lines: [typical] }));
    const text = element.querySelector('.typical')?.textContent?.replace(/\s+/g, ' ');
    expect(text).toContain('Taux habituel');
    expect(text).toMatch(/30 %.*médiane de 7 dossiers.*entre 28 % et 35 %/);
    expect(render().querySelector('.typical')).toBeNull();
  });
});
