import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { SatisfactionInput } from '@passerelle/shared/dto';
import { SatisfactionForm } from './satisfaction-form';

@Component({
  imports: [SatisfactionForm],
  template: `<pas-satisfaction-form [error]="error()" (rate)="rated.push($event)" />`,
})
class Host {
  readonly error = signal('');
  readonly rated: SatisfactionInput[] = [];
}

describe(SatisfactionForm.name, () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let element: HTMLElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  const groups = () => Array.from(element.querySelectorAll('mat-radio-group'));
  const radiosOf = (group: Element | undefined) => Array.from(group?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []);
  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

  it('asks the question with its five answers as one radio group', () => {
    expect(element.querySelector('legend')?.textContent).toBe('Avez-vous obtenu facilement ce dont vous aviez besoin ?');
    const radios = radiosOf(groups()[0]);
    expect(radios).toHaveLength(5);
    expect(new Set(radios.map((radio) => radio.name)).size).toBe(1);
    expect(groups()[0]?.getAttribute('role')).toBe('radiogroup');
  });

  it('asks the effort as an optional second group: seven named degrees of agreement and a way to skip it', () => {
    const legend = element.querySelectorAll('legend')[1];
    expect(squash(legend?.textContent)).toBe('« Il a été facile d’obtenir une réponse à ma question » (facultatif)');
    const group = groups()[1];
    expect(group?.getAttribute('role')).toBe('radiogroup');
    expect(group?.getAttribute('aria-labelledby')).toBe(legend?.id);
    const radios = radiosOf(group);
    expect(radios).toHaveLength(8);
    expect(new Set(radios.map((radio) => radio.name)).size).toBe(1);
    expect(radios[0].name).not.toBe(radiosOf(groups()[0])[0].name);
    // Each radio is named by its label.
    const names = radios.map((radio) => squash(element.querySelector(`label[for="${radio.id}"]`)?.textContent));
    expect(names[0]).toBe('1 – Pas du tout d’accord');
    expect(names[5]).toBe('6 – D’accord');
    expect(names[6]).toBe('7 – Tout à fait d’accord');
    expect(names[7]).toBe('Passer cette question');
    expect(radios.some((radio) => radio.checked)).toBe(false);
  });

  it('asks for a choice before sending', async () => {
    await submit();
    expect(host.rated).toEqual([]);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Choisissez une des cinq réponses.');
    // Short form: no summary; focus goes to the first answer of the question to answer.
    expect(element.querySelector('.error-summary')).toBeNull();
    expect(document.activeElement).toBe(element.querySelector('input[type="radio"]'));
  });

  it('sends the score and the trimmed comment, or no comment at all', async () => {
    element.querySelectorAll<HTMLInputElement>('input[type="radio"]')[3].click();
    await submit();
    expect(host.rated).toEqual([{ score: 4, effort: null, comment: null }]);

    const comment = element.querySelector('textarea');
    if (!comment) {
      throw new Error('no comment field');
    }
    comment.value = '  Réponse claire, merci.  ';
    comment.dispatchEvent(new Event('input'));
    await submit();
    expect(host.rated[1]).toEqual({ score: 4, effort: null, comment: 'Réponse claire, merci.' });
  });

  it('sends the effort chosen, and none once the question is skipped', async () => {
    radiosOf(groups()[0])[4].click();
    radiosOf(groups()[1])[5].click();
    await submit();
    expect(host.rated).toEqual([{ score: 5, effort: 6, comment: null }]);

    // Changing one's mind: a radio cannot be unchecked, « Passer cette question » takes the answer back.
    radiosOf(groups()[1])[7].click();
    await submit();
    expect(host.rated[1]).toEqual({ score: 5, effort: null, comment: null });
  });

  it('does not send the effort alone: the satisfaction is still required', async () => {
    radiosOf(groups()[1])[2].click();
    await submit();
    expect(host.rated).toEqual([]);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Choisissez une des cinq réponses.');
  });

  it('shows why sending failed and keeps the choice', async () => {
    element.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    host.error.set('Le serveur est injoignable. Vérifiez votre connexion puis réessayez.');
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('injoignable');
    expect(element.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].checked).toBe(true);
  });
});
