import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { PersonalDataMarkDto } from '@passerelle/shared/dto';
import { markRange, PersonalDataMarks, remainingMarks } from './personal-data-marks';

const ANSWER = 'Écrivez à jeanne.martin@valdoise.fr ou appelez le 01 34 25 30 30.';
const email: PersonalDataMarkDto = { field: 'answer', kind: 'EMAIL', start: 10, end: 35, text: 'jeanne.martin@valdoise.fr' };
const phone: PersonalDataMarkDto = { field: 'answer', kind: 'PHONE', start: 50, end: 64, text: '01 34 25 30 30' };
const title: PersonalDataMarkDto = { field: 'title', kind: 'COMMUNE', start: 0, end: 8, text: 'Ableiges' };

@Component({
  imports: [PersonalDataMarks],
  template: `
    <textarea #field aria-label="Réponse" [value]="value()"></textarea>
    <pas-personal-data-marks [marks]="marks()" fieldLabel="Réponse" [target]="field" />
  `,
})
class Host {
  readonly value = signal(ANSWER);
  readonly marks = signal<PersonalDataMarkDto[]>([]);
}

describe(PersonalDataMarks.name, () => {
  beforeAll(() => {
    // The fixtures' offsets are checked against the text, so that the test reads the same passage as the API.
    expect(ANSWER.slice(email.start, email.end)).toBe(email.text);
    expect(ANSWER.slice(phone.start, phone.end)).toBe(phone.text);
  });

  async function render(marks: PersonalDataMarkDto[]) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.marks.set(marks);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, element, textarea: element.querySelector('textarea') as HTMLTextAreaElement };
  }

  it('lists each passage with its kind, under a title that says how many', async () => {
    const { element } = await render([email, phone]);
    // French spaces are no-break ones: read as any space.
    const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();
    expect(squash(element.querySelector('.title')?.textContent)).toBe('2 passages à reformuler (Réponse) : données personnelles');
    const items = Array.from(element.querySelectorAll('li')).map((li) => squash(li.textContent));
    expect(items).toEqual([
      'Adresse électronique : « jeanne.martin@valdoise.fr » Sélectionner',
      'Numéro de téléphone : « 01 34 25 30 30 » Sélectionner',
    ]);
  });

  it('selects the passage in the field, where it now is', async () => {
    const { fixture, element, textarea } = await render([email, phone]);
    const select = element.querySelectorAll<HTMLButtonElement>('li button');
    expect(select[1].getAttribute('aria-label')).toBe('Sélectionner «\u00a001 34 25 30 30\u00a0» dans le champ Réponse');

    select[1].click();
    expect(document.activeElement).toBe(textarea);
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([phone.start, phone.end]);

    // Text typed before it moved the passage: it is found again.
    fixture.componentInstance.value.set(`Bonjour. ${ANSWER}`);
    await fixture.whenStable();
    select[0].click();
    expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).toBe(email.text);
  });

  it('shows nothing without marks', async () => {
    const { element } = await render([]);
    expect(element.querySelector('pas-personal-data-marks')?.textContent?.trim()).toBe('');
  });
});

describe(remainingMarks.name, () => {
  it('keeps the field’s marks whose passage is still in its text', () => {
    expect(remainingMarks([email, phone, title], 'answer', ANSWER)).toEqual([email, phone]);
    expect(remainingMarks([email, phone, title], 'answer', 'Écrivez au service ou appelez le 01 34 25 30 30.')).toEqual([phone]);
    expect(remainingMarks([email, phone, title], 'title', 'La commune peut-elle…')).toEqual([]);
  });

  it('finds a passage moved by the text typed before it', () => {
    expect(markRange(email, `Bonjour. ${ANSWER}`)).toEqual({ start: email.start + 9, end: email.end + 9 });
    expect(markRange(email, 'plus rien')).toBeNull();
  });
});
