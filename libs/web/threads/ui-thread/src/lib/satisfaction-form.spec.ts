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

  it('asks the question with its five answers as one radio group', () => {
    expect(element.querySelector('legend')?.textContent).toBe('Avez-vous obtenu facilement ce dont vous aviez besoin ?');
    const radios = Array.from(element.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    expect(radios).toHaveLength(5);
    expect(new Set(radios.map((radio) => radio.name)).size).toBe(1);
    expect(element.querySelector('mat-radio-group')?.getAttribute('role')).toBe('radiogroup');
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
    expect(host.rated).toEqual([{ score: 4, comment: null }]);

    const comment = element.querySelector('textarea');
    if (!comment) {
      throw new Error('no comment field');
    }
    comment.value = '  Réponse claire, merci.  ';
    comment.dispatchEvent(new Event('input'));
    await submit();
    expect(host.rated[1]).toEqual({ score: 4, comment: 'Réponse claire, merci.' });
  });

  it('shows why sending failed and keeps the choice', async () => {
    element.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    host.error.set('Le serveur est injoignable. Vérifiez votre connexion puis réessayez.');
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('injoignable');
    expect(element.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].checked).toBe(true);
  });
});
