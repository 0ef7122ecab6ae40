import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { MessageDto, MessageRevisionDto } from '@passerelle/shared/dto';
import { MessageList, type MessageEdit } from './message-list';
import { documentFixture, messageFixture } from './testing/thread-fixtures';

@Component({
  imports: [MessageList],
  template: `
    <pas-message-list
      [messages]="messages()"
      communeName="Ableiges"
      currentUserId="u-commune"
      [(editingId)]="editingId"
      [revisions]="revisions()"
      (saveEdit)="saved.push($event)"
      (loadRevisions)="revisionRequests.push($event)"
    />
  `,
})
class Host {
  readonly messages = signal<MessageDto[]>([]);
  readonly editingId = signal<string | null>(null);
  readonly revisions = signal<Record<string, MessageRevisionDto[]>>({});
  readonly saved: MessageEdit[] = [];
  readonly revisionRequests: string[] = [];
}

describe(MessageList.name, () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let element: HTMLElement;
  const inAMinute = () => new Date(Date.now() + 60_000).toISOString();
  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

  async function show(messages: MessageDto[]) {
    host.messages.set(messages);
    await fixture.whenStable();
  }

  function button(text: string): HTMLButtonElement {
    const found = Array.from(element.querySelectorAll('button')).find((b) => squash(b.textContent)?.startsWith(text));
    if (!found) {
      throw new Error(`no button "${text}"`);
    }
    return found;
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    element = fixture.nativeElement as HTMLElement;
  });

  it('says who wrote each message and for which side, and renders the server’s HTML', async () => {
    await show([
      messageFixture(),
      messageFixture({
        id: 'm2',
        author: { id: 'u-agent', displayName: 'Claire Martin', side: 'DEPARTEMENT' },
        bodyHtml: '<p>Le dossier est <em>complet</em>.</p>',
        editedAt: '2026-03-10T10:05:00Z',
      }),
    ]);
    const [mine, answer] = Array.from(element.querySelectorAll('pas-thread-message'));
    expect(squash(mine.querySelector('h3')?.textContent)).toBe('Julie Bernard (vous), Ableiges');
    expect(mine.querySelector('.body strong')?.textContent).toBe('où');
    expect(answer.classList).toContain('departement');
    expect(answer.querySelector('.side')?.textContent).toBe('Département');
    expect(squash(answer.querySelector('.edited')?.textContent)).toContain('modifié le 10/03/2026 à 11:05');
  });

  it('marks an internal note in words, not only in colour', async () => {
    await show([
      messageFixture({ internal: true, author: { id: 'u-agent', displayName: 'Claire Martin', side: 'DEPARTEMENT' } }),
    ]);
    const note = element.querySelector('pas-thread-message');
    expect(note?.classList).toContain('internal');
    expect(squash(note?.querySelector('.internal-label')?.textContent)).toBe('Note interne — invisible pour la commune');
  });

  it('offers to correct one’s message only while the window is open, and sends the corrected text', async () => {
    await show([messageFixture({ editableUntil: '2020-01-01T00:00:00Z' })]);
    expect(element.textContent).not.toContain('Modifier');

    await show([messageFixture({ editableUntil: inAMinute() })]);
    button('Modifier').click();
    await fixture.whenStable();
    const field = element.querySelector<HTMLTextAreaElement>('textarea');
    expect(field?.value).toBe('Bonjour, **où** en est le dossier ?');
    expect(document.activeElement).toBe(field);

    if (!field) {
      throw new Error('no field');
    }
    field.value = 'Bonjour, où en est le dossier DETR ?';
    field.dispatchEvent(new Event('input'));
    button('Enregistrer la correction').click();
    expect(host.saved).toEqual([{ messageId: 'm1', body: 'Bonjour, où en est le dossier DETR ?' }]);
  });

  it('refuses an empty correction', async () => {
    await show([messageFixture({ editableUntil: inAMinute() })]);
    button('Modifier').click();
    await fixture.whenStable();
    const field = element.querySelector<HTMLTextAreaElement>('textarea');
    if (!field) {
      throw new Error('no field');
    }
    field.value = '   ';
    field.dispatchEvent(new Event('input'));
    // The field took focus as editing started; the user then went to the button.
    field.blur();
    button('Enregistrer la correction').click();
    await fixture.whenStable();
    expect(host.saved).toEqual([]);
    expect(element.querySelector('mat-error')?.textContent).toContain('Ce champ est obligatoire.');
    // One field: no summary, focus goes back to it.
    expect(document.activeElement).toBe(field);
  });

  it('asks for earlier versions once, then shows them', async () => {
    await show([messageFixture({ editedAt: '2026-03-10T09:05:00Z', revisionCount: 1 })]);
    button('Voir les versions précédentes (1)').click();
    expect(host.revisionRequests).toEqual(['m1']);

    host.revisions.set({ m1: [{ body: 'Bonjour', bodyHtml: '<p>Bonjour</p>', replacedAt: '2026-03-10T09:05:00Z' }] });
    await fixture.whenStable();
    expect(element.querySelector('.revisions .revision-date')?.textContent).toBe(
      'Version remplacée le 10/03/2026 à 10:05',
    );
    expect(element.querySelector('.revisions .body')?.innerHTML).toBe('<p>Bonjour</p>');
  });

  it('lists the attachments as download buttons that say the type and size', async () => {
    await show([messageFixture({ attachments: [documentFixture()] })]);
    const attachment = element.querySelector('pas-attachment-list button');
    // Named by its content, which holds the visible text as it reads (axe label-content-name-mismatch).
    expect(attachment?.hasAttribute('aria-label')).toBe(false);
    expect(attachment?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Télécharger devis.pdf, PDF, 2,3 Mo');
    expect(attachment?.querySelector('.visually-hidden')?.textContent?.trim()).toBe('Télécharger');
  });
});
