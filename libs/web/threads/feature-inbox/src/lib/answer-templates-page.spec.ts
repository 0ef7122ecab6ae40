import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { AnswerTemplateDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { InboxSettingsApi } from '@passerelle/web/threads/data-access';
import { of } from 'rxjs';
import { AnswerTemplatesPage } from './answer-templates-page';

describe(AnswerTemplatesPage.name, () => {
  let createTemplate: jest.Mock;
  let updateTemplate: jest.Mock;
  const existing: AnswerTemplateDto = {
    id: 'tpl-1',
    title: 'Accusé de réception',
    body: 'Bonjour {{maire}},\n\nNous avons bien reçu votre question.',
    updatedAt: '2026-11-20T10:00:00Z',
  };

  afterEach(() => document.body.replaceChildren());

  async function render() {
    createTemplate = jest.fn((_code: string, input: { title: string; body: string }) =>
      of({ id: 'tpl-2', updatedAt: '2026-11-22T10:00:00Z', ...input }),
    );
    updateTemplate = jest.fn((_code: string, id: string, input: { title: string; body: string }) =>
      of({ id, updatedAt: '2026-11-22T10:00:00Z', ...input }),
    );
    TestBed.configureTestingModule({
      imports: [AnswerTemplatesPage],
      providers: [
        provideRouter([]),
        { provide: AuthSession, useValue: { user: signal({ departement: { code: '95', name: "Val-d'Oise" } }) } },
        {
          provide: InboxSettingsApi,
          useValue: { listTemplates: () => of([existing]), createTemplate, updateTemplate, deleteTemplate: jest.fn() },
        },
        { provide: MatDialog, useValue: {} },
      ],
    });
    const fixture = TestBed.createComponent(AnswerTemplatesPage);
    const element = fixture.nativeElement as HTMLElement;
    // In the document, so that the error summary's links find their fields by id and focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();
    const button = (name: string) =>
      [...element.querySelectorAll<HTMLButtonElement>('button')].find(
        (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
      );
    const field = <T extends HTMLElement>(selector: string) => {
      const found = element.querySelector<T>(selector);
      if (!found) {
        throw new Error(`no ${selector}`);
      }
      return found;
    };
    return { fixture, element, button, field };
  }

  function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('inserts a variable where the caret is, then saves the new template', async () => {
    const { fixture, button, field, element } = await render();
    button('Nouveau modèle')?.click();
    await fixture.whenStable();

    type(field<HTMLInputElement>('input[formcontrolname="title"]'), '  Pièces manquantes ');
    const body = field<HTMLTextAreaElement>('textarea');
    type(body, 'Bonjour ,\nIl manque des pièces.');
    body.setSelectionRange(8, 8);
    button('Insérer {{maire}} : Nom du maire')?.click();
    expect(body.value).toBe('Bonjour {{maire}},\nIl manque des pièces.');
    expect(body.selectionStart).toBe(17);

    button('Enregistrer')?.click();
    await fixture.whenStable();
    expect(createTemplate).toHaveBeenCalledWith('95', {
      title: 'Pièces manquantes',
      body: 'Bonjour {{maire}},\nIl manque des pièces.',
    });
    expect(element.querySelector('[role="status"]')?.textContent).toContain('« Pièces manquantes » est enregistré');
    expect(element.querySelector('textarea')).toBeNull();
  });

  it('opens a template with its text to edit it', async () => {
    const { fixture, button, field } = await render();
    button('Modifier le modèle « Accusé de réception »')?.click();
    await fixture.whenStable();
    expect(field<HTMLTextAreaElement>('textarea').value).toBe(existing.body);
    type(field<HTMLInputElement>('input[formcontrolname="title"]'), 'Accusé de réception (court)');
    button('Enregistrer')?.click();
    await fixture.whenStable();
    expect(updateTemplate).toHaveBeenCalledWith('95', 'tpl-1', { title: 'Accusé de réception (court)', body: existing.body });
  });

  it('keeps an empty template from being sent and says what is missing', async () => {
    const { fixture, button, element } = await render();
    button('Nouveau modèle')?.click();
    await fixture.whenStable();
    button('Enregistrer')?.click();
    await fixture.whenStable();
    expect(createTemplate).not.toHaveBeenCalled();
    expect(element.querySelectorAll('mat-error')).toHaveLength(2);
    const summary = element.querySelector<HTMLElement>('.error-summary');
    const links = [...(summary?.querySelectorAll('a') ?? [])];
    expect(links.map((a) => a.textContent?.replace(/[ \n]+/g, ' ').trim())).toEqual([
      'Titre\u00a0: Ce champ est obligatoire.',
      'Texte du modèle\u00a0: Ce champ est obligatoire.',
    ]);
    expect(document.activeElement).toBe(summary);
    links[1].click();
    expect(document.activeElement).toBe(element.querySelector('textarea'));
  });
});
