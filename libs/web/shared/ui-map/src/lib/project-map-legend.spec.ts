import { TestBed } from '@angular/core/testing';
import { ProjectMapLegend } from './project-map-legend';
import { PROJECT_PIN_SHAPES } from './project-pin-shapes';

describe(ProjectMapLegend.name, () => {
  it('names each kind of marker in text beside its shape', async () => {
    const fixture = TestBed.createComponent(ProjectMapLegend);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const items = Array.from(element.querySelectorAll('li')).map((li) => ({
      text: li.querySelector('span:last-child')?.textContent?.trim(),
      shape: li.querySelector('path.body')?.getAttribute('d') ?? null,
    }));
    expect(items).toEqual([
      { text: 'Projets des communes', shape: PROJECT_PIN_SHAPES.COMMUNE.body },
      { text: 'Projets du Département', shape: PROJECT_PIN_SHAPES.DEPARTEMENT.body },
      { text: 'Plusieurs projets proches (activer pour rapprocher)', shape: null },
    ]);

    fixture.componentRef.setInput('kinds', ['DEPARTEMENT']);
    await fixture.whenStable();
    expect(element.querySelectorAll('li')).toHaveLength(2);
  });
});
