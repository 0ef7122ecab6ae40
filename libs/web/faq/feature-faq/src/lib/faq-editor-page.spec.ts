import { Location } from '@angular/common';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter, Router } from '@angular/router';
import type { FaqEntryDto, PersonalDataMarkDto } from '@passerelle/shared/dto';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { of, throwError } from 'rxjs';
import { FaqEditorPage, MARKS_EXPLANATION } from './faq-editor-page';
import { entryFixture } from './testing/faq-fixtures';

const ANSWER_WITH_EMAIL = 'Écrivez à jeanne.martin@valdoise.fr pour le dossier.';
const emailMark: PersonalDataMarkDto = { field: 'answer', kind: 'EMAIL', start: 10, end: 35, text: 'jeanne.martin@valdoise.fr' };

describe(FaqEditorPage.name, () => {
  let fixture: ComponentFixture<FaqEditorPage>;
  let element: HTMLElement;
  let api: { get: jest.Mock; create: jest.Mock; update: jest.Mock; review: jest.Mock };

  async function render(id?: string) {
    fixture = TestBed.createComponent(FaqEditorPage);
    if (id) {
      fixture.componentRef.setInput('id', id);
    }
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  function type(selector: string, value: string) {
    const field = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector) as HTMLInputElement;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function button(label: string): HTMLButtonElement {
    return Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === label) as HTMLButtonElement;
  }

  async function fillValidDraft(answer = 'La DETR et la DSIL se cumulent dans la limite de 80 %.') {
    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void; markAsDirty(): void } }).form;
    type('#field-title', 'Peut-on cumuler la DETR et la DSIL ?');
    type('#field-answer', answer);
    form.patchValue({ theme: 'VOIRIE', category: 'FUNDING' });
    form.markAsDirty();
    await fixture.whenStable();
  }

  beforeEach(() => {
    api = { get: jest.fn(), create: jest.fn(), update: jest.fn(), review: jest.fn() };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: FaqApi, useValue: api }],
    });
  });

  it('says in French what is missing, in a summary and under each field, and sends nothing', async () => {
    await render();
    type('#field-title', 'Court');
    await fixture.whenStable();
    button('Enregistrer').click();
    await fixture.whenStable();

    const summary = Array.from(element.querySelectorAll('pas-error-summary li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(summary).toEqual([
      'Question : La question doit compter au moins 10 caractères.',
      'Réponse : Rédigez la réponse.',
      'Thème : Choisissez une valeur.',
      'Catégorie : Choisissez une valeur.',
    ]);
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('La question doit compter au moins 10 caractères.');
    expect(api.create).not.toHaveBeenCalled();
  });

  it('checks a reference’s link', async () => {
    await render();
    await fillValidDraft();
    button('Ajouter une référence').click();
    await fixture.whenStable();
    type('#field-legalReferences-0-label', 'Article L2334-42 du CGCT');
    type('#field-legalReferences-0-url', 'http://legifrance.gouv.fr');
    button('Enregistrer').click();
    await fixture.whenStable();
    expect(element.querySelector('pas-error-summary')?.textContent).toContain('Le lien doit être une adresse commençant par https://');
    expect(api.create).not.toHaveBeenCalled();
  });

  it('creates the draft, shows the personal data found, and refuses to submit until it is reworded', async () => {
    const created = entryFixture({ id: 'new1', status: 'DRAFT', version: 1, answer: ANSWER_WITH_EMAIL, personalData: [emailMark] });
    api.create.mockReturnValue(of(created));
    await render();
    const replaceState = jest.spyOn(TestBed.inject(Location), 'replaceState');
    await fillValidDraft(ANSWER_WITH_EMAIL);

    button('Enregistrer et soumettre').click();
    await fixture.whenStable();

    expect(api.create).toHaveBeenCalledWith(expect.objectContaining({ answer: ANSWER_WITH_EMAIL, scope: 'DEPARTEMENT', visibility: 'COMMUNES', validUntil: null }));
    expect(api.review).not.toHaveBeenCalled();
    expect(replaceState).toHaveBeenCalledWith('/departement/faq/new1/modifier');
    const marks = () => Array.from(element.querySelectorAll('pas-personal-data-marks')).map((m) => m.textContent?.trim() ?? '');
    expect(marks()[0]).toBe('');
    expect(marks()[1]).toContain('Adresse électronique');
    const submit = button('Enregistrer et soumettre');
    expect(submit.disabled).toBe(true);
    expect(document.getElementById(submit.getAttribute('aria-describedby') ?? '')?.textContent).toBe(MARKS_EXPLANATION);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('reformulez-les avant de soumettre');

    // Reworded: the mark goes, the button comes back, and saving then submitting sends the version saved.
    type('#field-answer', 'Écrivez au service des aides aux communes pour le dossier.');
    await fixture.whenStable();
    expect(marks()).toEqual(['', '']);
    expect(button('Enregistrer et soumettre').disabled).toBe(false);

    api.update.mockReturnValue(of({ ...created, version: 2, personalData: [] }));
    api.review.mockReturnValue(of({ ...created, version: 3, status: 'IN_REVIEW', personalData: [] }));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    button('Enregistrer et soumettre').click();
    await fixture.whenStable();
    expect(api.update).toHaveBeenCalledWith('new1', expect.objectContaining({ version: 1, answer: 'Écrivez au service des aides aux communes pour le dossier.' }));
    expect(api.review).toHaveBeenCalledWith('new1', { action: 'submit', version: 2 });
    expect(navigate).toHaveBeenCalledWith(['/departement/faq', 'new1']);
  });

  it('loads the entry to edit, and keeps the text typed when someone else changed it meanwhile', async () => {
    const entry: FaqEntryDto = entryFixture({ status: 'PUBLISHED', version: 4 });
    api.get.mockReturnValue(of(entry));
    await render('e1');
    expect(element.querySelector('h1')?.textContent).toBe('Modifier la réponse');
    expect(element.querySelector<HTMLInputElement>('#field-title')?.value).toBe(entry.title);
    // A published entry goes back to review by itself when saved: no « submit ».
    expect(button('Enregistrer et soumettre')).toBeUndefined();

    type('#field-title', 'Peut-on cumuler la DETR, la DSIL et le fonds vert ?');
    api.update.mockReturnValue(throwError(() => ({ status: 409, error: { code: 'FAQ_VERSION_CONFLICT', message: 'Conflit' } })));
    button('Enregistrer').click();
    await fixture.whenStable();
    expect(api.update).toHaveBeenCalledWith('e1', expect.objectContaining({ version: 4 }));
    expect(element.querySelector('[role="status"]')?.textContent).toContain('modifiée par quelqu’un d’autre');
    expect(element.querySelector<HTMLInputElement>('#field-title')?.value).toBe('Peut-on cumuler la DETR, la DSIL et le fonds vert ?');
    expect(button('Recharger la version actuelle')).toBeDefined();
  });

  it('asks before leaving with unsaved changes only', async () => {
    await render();
    const dialog = TestBed.inject(MatDialog);
    const open = jest.spyOn(dialog, 'open');
    let leave: boolean | undefined;
    fixture.componentInstance.confirmLeave().subscribe((ok) => (leave = ok));
    expect(leave).toBe(true);
    expect(open).not.toHaveBeenCalled();

    await fillValidDraft();
    fixture.componentInstance.confirmLeave().subscribe();
    expect(open).toHaveBeenCalled();
  });
});
