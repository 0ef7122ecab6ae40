import { TestBed } from '@angular/core/testing';
import type { DocumentDto } from '@passerelle/shared/dto';
import { PublicationChoices } from './publication-choices';

function doc(id: string, kind: DocumentDto['kind'], filename: string): DocumentDto {
  return { id, kind, filename } as DocumentDto;
}

describe(PublicationChoices.name, () => {
  function render(selected: string[], mayorNotified: boolean) {
    const fixture = TestBed.createComponent(PublicationChoices);
    fixture.componentRef.setInput('photos', [doc('p1', 'PHOTO', 'chantier.jpg')]);
    fixture.componentRef.setInput('files', [doc('f1', 'DOCUMENT', 'devis.pdf')]);
    fixture.componentRef.setInput('selected', new Set(selected));
    fixture.componentRef.setInput('showFunding', false);
    fixture.componentRef.setInput('submitLabel', 'Demander la publication');
    fixture.componentRef.setInput('mayorNotified', mayorNotified);
    const events: string[] = [];
    fixture.componentInstance.toggled.subscribe((id) => events.push(`toggle ${id}`));
    fixture.componentInstance.submitted.subscribe(() => events.push('submit'));
    fixture.detectChanges();
    return { element: fixture.nativeElement as HTMLElement, events, fixture };
  }

  it('checks what is selected and reports toggles and the submit, without keeping state itself', () => {
    const { element, events, fixture } = render(['f1'], true);
    const boxes = [...element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).toEqual([false, true]);

    boxes[0].click();
    fixture.detectChanges();
    element.querySelector<HTMLButtonElement>('button.submit')?.click();

    expect(events).toEqual(['toggle p1', 'submit']);
    expect(element.querySelector('button.submit')?.textContent?.trim()).toBe('Demander la publication');
    expect(element.textContent).toContain('Le maire sera prévenu');
  });

  it('says the fiche has nothing to choose, and leaves out the mayor hint when not asked for', () => {
    const fixture = TestBed.createComponent(PublicationChoices);
    fixture.componentRef.setInput('photos', []);
    fixture.componentRef.setInput('files', []);
    fixture.componentRef.setInput('selected', new Set());
    fixture.componentRef.setInput('showFunding', true);
    fixture.componentRef.setInput('submitLabel', 'Donner mon accord');
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('.empty')?.textContent).toContain('ni photo ni document');
    expect(element.textContent).not.toContain('Le maire sera prévenu');
  });
});
