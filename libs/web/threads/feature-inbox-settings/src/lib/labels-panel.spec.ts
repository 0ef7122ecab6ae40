import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { LabelDto } from '@passerelle/shared/dto';
import { InboxSettingsApi } from '@passerelle/web/threads/data-access';
import { of, throwError } from 'rxjs';
import { LABEL_PALETTE } from './label-colour-field';
import { LabelsPanel } from './labels-panel';

describe(LabelsPanel.name, () => {
  let createLabel: jest.Mock;
  let labels: LabelDto[];

  async function render() {
    TestBed.configureTestingModule({
      imports: [LabelsPanel],
      providers: [
        {
          provide: InboxSettingsApi,
          useValue: { listLabels: () => of(labels), createLabel, updateLabel: jest.fn(), deleteLabel: jest.fn() },
        },
        { provide: MatDialog, useValue: {} },
      ],
    });
    const fixture = TestBed.createComponent(LabelsPanel);
    fixture.componentRef.setInput('departementCode', '95');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const name = element.querySelector<HTMLInputElement>('form[aria-label="Nouvelle étiquette"] input[formcontrolname="name"]');
    if (!name) {
      throw new Error('no name field');
    }
    return { fixture, element, name };
  }

  async function createNamed(fixture: Awaited<ReturnType<typeof render>>['fixture'], input: HTMLInputElement, value: string) {
    input.value = value;
    input.dispatchEvent(new Event('input'));
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('form[aria-label="Nouvelle étiquette"] button[type="submit"]')
      ?.click();
    await fixture.whenStable();
  }

  beforeEach(() => {
    labels = [
      { id: 'b', name: 'Urgent', colour: '#c62828' },
      { id: 'a', name: 'DETR 2026', colour: '#f9a825' },
    ];
    createLabel = jest.fn((_code: string, input: { name: string; colour: string }) => of({ id: 'c', ...input }));
  });

  it('lists the labels in French alphabetical order, each in its colour', async () => {
    const { element } = await render();
    const chips = [...element.querySelectorAll<HTMLElement>('.rows pas-label-chip')];
    expect(chips.map((chip) => chip.textContent?.trim())).toEqual(['DETR 2026', 'Urgent']);
    expect(chips[1].style.color).toBe('rgb(255, 255, 255)');
    expect(chips[0].style.color).toBe('rgb(0, 0, 0)');
  });

  it('creates a label with the name trimmed and the colour picked, then empties the form without an error', async () => {
    const { fixture, element, name } = await render();
    element.querySelector<HTMLButtonElement>('form[aria-label="Nouvelle étiquette"] button[aria-label="Vert"]')?.click();
    await createNamed(fixture, name, '  À relancer ');
    expect(createLabel).toHaveBeenCalledWith('95', { name: 'À relancer', colour: '#2e7d32' });
    expect(element.querySelector('[role="status"]')?.textContent).toContain('L’étiquette « À relancer » est créée.');
    expect(name.value).toBe('');
    expect(element.querySelector('form[aria-label="Nouvelle étiquette"] mat-error')).toBeNull();
    expect(
      element.querySelector('form[aria-label="Nouvelle étiquette"] button[aria-label="Rouge"]')?.getAttribute('aria-pressed'),
    ).toBe('true');
    expect(LABEL_PALETTE[0].name).toBe('Rouge');
  });

  it('says under the name field that the name is taken, and keeps what was typed', async () => {
    createLabel.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { code: 'LABEL_NAME_TAKEN', message: 'Une étiquette porte déjà ce nom.' },
          }),
      ),
    );
    const { fixture, element, name } = await render();
    await createNamed(fixture, name, 'Urgent');
    expect(element.querySelector('form[aria-label="Nouvelle étiquette"] mat-error')?.textContent).toContain(
      'Une étiquette porte déjà ce nom.',
    );
    expect(name.value).toBe('Urgent');
  });

  describe('after a failed submit', () => {
    afterEach(() => document.body.replaceChildren());

    it('lists the new label’s name above its form, takes focus and links to the field', async () => {
      const { fixture, element, name } = await render();
      // In the document, so that the summary's link finds the field by id and focus can move.
      document.body.appendChild(element);
      await createNamed(fixture, name, '   ');
      await fixture.whenStable();

      expect(createLabel).not.toHaveBeenCalled();
      expect(element.querySelector('.required-note')?.textContent).toBe('Les champs marqués * sont obligatoires.');
      const summary = element.querySelector<HTMLElement>('.error-summary');
      expect(summary?.querySelector('a')?.textContent?.replace(/[ \n]+/g, ' ').trim()).toBe(
        'Nom de l’étiquette\u00a0: Ce champ est obligatoire.',
      );
      expect(document.activeElement).toBe(summary);
      summary?.querySelector('a')?.click();
      expect(document.activeElement).toBe(name);
    });

    it('shows an emptied name under the field of the row and moves focus to it', async () => {
      const { fixture, element } = await render();
      const updateLabel = TestBed.inject(InboxSettingsApi).updateLabel as jest.Mock;
      document.body.appendChild(element);
      element.querySelector<HTMLButtonElement>('button[aria-label="Modifier l’étiquette « Urgent »"]')?.click();
      await fixture.whenStable();
      const input = element.querySelector<HTMLInputElement>('.row--editing input[formcontrolname="name"]');
      if (!input) {
        throw new Error('no name field in the row');
      }
      input.value = '';
      input.dispatchEvent(new Event('input'));
      input.blur();
      element.querySelector<HTMLButtonElement>('.row--editing button[type="submit"]')?.click();
      await fixture.whenStable();

      expect(updateLabel).not.toHaveBeenCalled();
      expect(element.querySelector('.row--editing mat-error')?.textContent).toContain('Ce champ est obligatoire.');
      expect(document.activeElement).toBe(input);
    });
  });

  it('does not send a label without a name', async () => {
    const { fixture, name } = await render();
    await createNamed(fixture, name, '   ');
    expect(createLabel).not.toHaveBeenCalled();
  });
});
