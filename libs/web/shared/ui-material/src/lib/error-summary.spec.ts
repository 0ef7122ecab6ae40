import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ErrorSummary, type ErrorSummaryItem, fieldId, formErrorItems } from './error-summary';
import { showServerErrors } from './form-errors';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()">
      <pas-error-summary [items]="errors()" />
      <label for="field-title">Titre du projet <span aria-hidden="true">*</span></label>
      <input id="field-title" formControlName="title" />
      <label for="field-email">Adresse électronique</label>
      <input id="field-email" formControlName="email" />
      <button type="submit">Enregistrer</button>
    </form>
  `,
})
class HostForm {
  readonly form = new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.email] }),
  });
  readonly errors = signal<ErrorSummaryItem[]>([]);

  submit(): void {
    this.errors.set(formErrorItems(this.form));
  }
}

async function render() {
  const fixture = TestBed.createComponent(HostForm);
  document.body.appendChild(fixture.nativeElement);
  await fixture.whenStable();
  return fixture;
}

async function submit(fixture: Awaited<ReturnType<typeof render>>) {
  (fixture.nativeElement.querySelector('button[type=submit]') as HTMLButtonElement).click();
  fixture.detectChanges();
  await fixture.whenStable();
}

describe(ErrorSummary.name, () => {
  afterEach(() => document.body.replaceChildren());

  it('shows nothing before a submit', async () => {
    const fixture = await render();
    expect(fixture.nativeElement.querySelector('.error-summary')).toBeNull();
  });

  it('counts the errors, names each field by its label and takes focus after a failed submit', async () => {
    const fixture = await render();
    fixture.componentInstance.form.controls.email.setValue('pas-une-adresse');

    await submit(fixture);

    const summary = fixture.nativeElement.querySelector('.error-summary') as HTMLElement;
    expect(summary.querySelector('h2')?.textContent?.trim()).toBe('Le formulaire contient 2 erreurs');
    const links = [...summary.querySelectorAll('a')].map((link) => link.textContent?.replace(/[ \n]+/g, ' ').trim());
    expect(links).toEqual([
      'Titre du projet\u00a0: Ce champ est obligatoire.',
      'Adresse électronique\u00a0: Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.',
    ]);
    expect(document.activeElement).toBe(summary);
  });

  it('moves focus to the field when a link is activated', async () => {
    const fixture = await render();
    await submit(fixture);

    const link = fixture.nativeElement.querySelector('.error-summary a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('#field-title');
    link.click();

    expect(document.activeElement).toBe(fixture.nativeElement.querySelector('#field-title'));
  });

  it('lists the API’s field errors once they are put on the controls', async () => {
    const fixture = await render();
    const { form } = fixture.componentInstance;
    form.setValue({ title: 'Lavoir', email: 'maire@ableiges.fr' });
    showServerErrors(form, { error: { errors: { title: 'Ce titre existe déjà.' } } });

    fixture.componentInstance.errors.set(formErrorItems(form));
    fixture.detectChanges();
    await fixture.whenStable();

    const summary = fixture.nativeElement.querySelector('.error-summary') as HTMLElement;
    expect(summary.querySelector('h2')?.textContent?.trim()).toBe('Le formulaire contient 1 erreur');
    expect(summary.querySelector('a')?.textContent).toContain('Ce titre existe déjà.');
  });
});

describe('formErrorItems', () => {
  it('walks nested groups and arrays, with ids made from the paths and labels from the caller', () => {
    const form = new FormGroup({
      title: new FormControl('ok'),
      lines: new FormArray([new FormGroup({ amount: new FormControl('', Validators.required) })]),
    });

    expect(formErrorItems(form, { label: (path) => (path === 'lines.0.amount' ? 'Montant 1' : undefined) })).toEqual([
      { label: 'Montant 1', message: 'Ce champ est obligatoire.', fieldId: 'field-lines-0-amount' },
    ]);
    expect(formErrorItems(form, { prefix: 'invite' })[0].fieldId).toBe('invite-lines-0-amount');
    expect(fieldId('lines.0.amount')).toBe('field-lines-0-amount');
  });
});
