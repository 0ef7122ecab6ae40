import { Component, signal, viewChild } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { NEVER } from 'rxjs';
import { MessageComposer } from './message-composer';
import { PendingAttachments } from './pending-attachments';

@Component({
  imports: [MessageComposer],
  template: `
    <pas-message-composer [control]="body" [attachments]="attachments" [note]="note()" label="Votre réponse">
      <button type="submit">Envoyer</button>
    </pas-message-composer>
  `,
})
class Host {
  readonly body = new FormControl('', { nonNullable: true });
  readonly attachments = new PendingAttachments(() => NEVER);
  readonly note = signal(false);
  readonly composer = viewChild.required(MessageComposer);
}

describe(MessageComposer.name, () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let element: HTMLElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('turns into an unmistakable internal note in note mode', async () => {
    const composer = element.querySelector('pas-message-composer');
    expect(composer?.classList).not.toContain('note');
    expect(element.textContent).not.toContain('invisible pour la commune');

    host.note.set(true);
    await fixture.whenStable();
    expect(composer?.classList).toContain('note');
    expect(element.querySelector('.note-banner')?.textContent).toContain('invisible pour la commune');
  });

  it('inserts a template where the cursor is, as its own paragraph, and keeps the cursor after it', () => {
    host.body.setValue('Bonjour,\nSignature');
    const field = element.querySelector('textarea');
    if (!field) {
      throw new Error('no field');
    }
    field.setSelectionRange(9, 9);

    host.composer().insert('Voici les pièces à fournir.');

    expect(host.body.value).toBe('Bonjour,\n\nVoici les pièces à fournir.\n\nSignature');
    expect(field.selectionStart).toBe('Bonjour,\n\nVoici les pièces à fournir.'.length);
    expect(host.body.dirty).toBe(true);
  });

  it('inserts into an empty field without blank lines around', () => {
    host.composer().insert('Voici les pièces à fournir.');
    expect(host.body.value).toBe('Voici les pièces à fournir.');
  });

  it('inserts a link in the sentence where the cursor is, spaced from the words around, the cursor after it', () => {
    host.body.setValue('Bonjour,\nVoir la réponse de la FAQ.');
    const field = element.querySelector('textarea');
    if (!field) {
      throw new Error('no field');
    }
    const cursor = 'Bonjour,\nVoir'.length;
    field.setSelectionRange(cursor, cursor);

    host.composer().insertInline('[Plafond des aides](https://passerelle.example/espace/faq/f1)');

    const expected = 'Bonjour,\nVoir [Plafond des aides](https://passerelle.example/espace/faq/f1)';
    expect(host.body.value).toBe(`${expected} la réponse de la FAQ.`);
    expect(field.selectionStart).toBe(expected.length);
    expect(document.activeElement).toBe(field);
    expect(host.body.dirty).toBe(true);
  });

  it('replaces the selected words with the link, and adds no space before a full stop', () => {
    host.body.setValue('Lisez cette réponse.');
    const field = element.querySelector('textarea');
    field?.setSelectionRange('Lisez '.length, 'Lisez cette réponse'.length);

    host.composer().insertInline('[la FAQ](https://passerelle.example/espace/faq/f1)');

    expect(host.body.value).toBe('Lisez [la FAQ](https://passerelle.example/espace/faq/f1).');
  });

  it('takes plain text, the Markdown help folded away until opened', () => {
    const help = element.querySelector('pas-markdown-hint details');
    expect(help?.hasAttribute('open')).toBe(false);
    expect(help?.querySelector('summary')?.textContent).toBe('Mise en forme du texte');
    expect(help?.textContent).toContain('les adresses web');
  });

  it('shows the page’s send buttons inside', () => {
    expect(element.querySelector('.actions button')?.textContent).toBe('Envoyer');
  });
});
