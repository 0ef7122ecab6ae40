import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { FaqSuggestionDto } from '@passerelle/shared/dto';
import { type FaqSuggestionAudience, FaqSuggestionList } from './faq-suggestion-list';

const FAQ: FaqSuggestionDto = {
  kind: 'FAQ',
  id: 'f1',
  title: 'Cumuler la DETR et l’aide départementale',
  matchedWords: ['cumul', 'detr'],
  excerpt: 'Oui, dans la limite de 80 % d’aides publiques.',
  link: '/espace/faq/f1',
};
const THREAD: FaqSuggestionDto = {
  kind: 'THREAD',
  id: 't1',
  title: 'Étapes pour aménager le parking',
  matchedWords: ['parking'],
  excerpt: 'Par quoi devons-nous commencer ?',
  link: '/espace/questions/t1',
};
const TEMPLATE: FaqSuggestionDto = {
  kind: 'TEMPLATE',
  id: 'tpl1',
  title: 'Pièces d’une demande de DETR',
  matchedWords: ['DETR'],
  excerpt: 'La préfecture attend…',
  link: null,
  body: 'Bonjour {{maire}},',
};

@Component({
  imports: [FaqSuggestionList],
  template: `
    <input id="typing" />
    <pas-faq-suggestion-list
      [suggestions]="suggestions()"
      [audience]="audience()"
      (open)="events.push('open ' + $event.id)"
      (insertLink)="events.push('link ' + $event.id)"
      (insertTemplate)="events.push('template ' + $event.id)"
    />
  `,
})
class Host {
  readonly suggestions = signal<FaqSuggestionDto[]>([]);
  readonly audience = signal<FaqSuggestionAudience>('commune');
  readonly events: string[] = [];
}

describe(FaqSuggestionList.name, () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let element: HTMLElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  function list(): HTMLElement {
    return element.querySelector('pas-faq-suggestion-list') as HTMLElement;
  }

  function buttons(): string[] {
    return Array.from(list().querySelectorAll('button, a')).map((b) => b.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  it('is a polite live region, empty and silent until suggestions come', async () => {
    expect(list().getAttribute('aria-live')).toBe('polite');
    expect(list().textContent?.trim()).toBe('');

    host.suggestions.set([FAQ]);
    await fixture.whenStable();
    expect(list().querySelector('[role="heading"]')?.textContent).toBe('Ces réponses existent peut-être déjà');
  });

  it('marks the words that matched in each title and says what each suggestion is', async () => {
    host.suggestions.set([FAQ, THREAD]);
    await fixture.whenStable();

    expect(Array.from(list().querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['Cumuler', 'DETR', 'parking']);
    // No space added around a marked word.
    expect(list().querySelector('.title')?.textContent).toBe('Cumuler la DETR et l’aide départementale');
    const items = list().querySelectorAll('li');
    expect(items[0].querySelector('.kind')?.textContent).toBe('Réponse de la FAQ');
    expect(items[0].textContent).toContain('80 % d’aides publiques');
    expect(items[1].querySelector('.kind')?.textContent).toBe('Votre question en cours');
    expect(items[1].textContent).toContain('Votre commune a déjà posé une question proche');
  });

  it('lets a commune open a suggestion, without taking the focus from what it types', async () => {
    const typing = element.querySelector<HTMLInputElement>('#typing');
    typing?.focus();
    host.suggestions.set([FAQ, THREAD]);
    await fixture.whenStable();
    expect(document.activeElement).toBe(typing);

    expect(buttons()).toEqual([
      'Lire la réponse « Cumuler la DETR et l’aide départementale »',
      'Voir cette question « Étapes pour aménager le parking »',
    ]);
    list().querySelectorAll('button')[1].click();
    expect(host.events).toEqual(['open t1']);
  });

  it('lets an agent insert a link to an entry or a template’s text', async () => {
    host.audience.set('staff');
    host.suggestions.set([FAQ, TEMPLATE]);
    await fixture.whenStable();

    expect(list().querySelectorAll('.kind')[1].textContent).toBe('Modèle de réponse');
    const [link, , template] = Array.from(list().querySelectorAll<HTMLElement>('button, a'));
    expect(link.textContent).toContain('Insérer le lien');
    expect(template.textContent).toContain('Insérer le modèle');
    link.click();
    template.click();
    expect(host.events).toEqual(['link f1', 'template tpl1']);
  });
});
