import { TestBed } from '@angular/core/testing';
import type { FundingLineDto, SimulationLine, SimulationResult } from '@passerelle/shared/dto';
import { type FundingPlanChoice, FundingPlanPicker } from './funding-plan-picker';
import { simulationResult } from './testing/simulation-result';

function line(schemeId: string, schemeCode: string, funder: SimulationLine['funder'], eligible = true): SimulationLine {
  return { schemeId, schemeCode, funder, eligible } as SimulationLine;
}

/** DETR and DSIL retained by both plans, LEADER not eligible. */
function result(): SimulationResult {
  const base = simulationResult();
  return {
    ...base,
    lines: [line('detr', 'DETR', 'ETAT'), line('dsil', 'DSIL', 'ETAT'), line('leader', 'LEADER', 'EUROPE', false)],
    plan: { ...base.plan, retained: [{ schemeCode: 'DETR', cents: 6_300_000 }, { schemeCode: 'DSIL', cents: 2_000_000 }] },
    typicalPlan: { ...base.plan, scenario: 'TYPICAL', retained: [{ schemeCode: 'DETR', cents: 5_400_000 }, { schemeCode: 'DSIL', cents: 0 }] },
  };
}

const obtainedDetr: FundingLineDto = {
  funder: 'ETAT',
  funderName: null,
  scheme: 'detr ',
  amountRequestedCents: 1,
  amountObtainedCents: 1,
  state: 'OBTAINED',
  requestedOn: null,
  decidedOn: null,
};

describe(FundingPlanPicker.name, () => {
  async function render(fundingLines: FundingLineDto[] = []) {
    const fixture = TestBed.createComponent(FundingPlanPicker);
    fixture.componentRef.setInput('result', result());
    fixture.componentRef.setInput('fundingLines', fundingLines);
    const emitted: FundingPlanChoice[] = [];
    fixture.componentInstance.add.subscribe((choice) => emitted.push(choice));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const boxes = () => Array.from(element.querySelectorAll<HTMLInputElement>('input[type=checkbox]'));
    const submit = () => Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.includes('Ajouter'))?.click();
    return { fixture, element, emitted, boxes, submit };
  }

  it('ticks every aid the maximum plan retains and sends them', async () => {
    const { element, emitted, boxes, submit } = await render();
    expect(boxes().map((b) => b.checked)).toEqual([true, true]);
    expect(element.textContent).toContain('DETR (État) : 63');
    expect(element.textContent).not.toContain('LEADER');
    submit();
    expect(emitted).toEqual([{ schemeIds: ['detr', 'dsil'], scenario: 'MAXIMUM' }]);
  });

  it('takes the typical plan’s amounts when asked, without the aids it does not retain', async () => {
    const { fixture, element, emitted, boxes, submit } = await render();
    element.querySelectorAll<HTMLInputElement>('input[type=radio]')[1].click();
    await fixture.whenStable();
    expect(boxes()).toHaveLength(1);
    expect(element.textContent).toContain('DETR (État) : 54');
    submit();
    expect(emitted).toEqual([{ schemeIds: ['detr'], scenario: 'TYPICAL' }]);
  });

  it('leaves alone an aid the fiche already carries further than « envisagé »', async () => {
    const { element, emitted, boxes, submit } = await render([obtainedDetr]);
    expect(boxes().map((b) => [b.checked, b.disabled])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(element.textContent).toContain('déjà sur la fiche (obtenu)');
    submit();
    expect(emitted).toEqual([{ schemeIds: ['dsil'], scenario: 'MAXIMUM' }]);
  });
});
