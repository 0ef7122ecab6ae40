import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { deptSummaryFixture } from '../testing';
import { PublicDeptProjectCard } from './public-dept-project-card';
import { PublicProjectTabs } from './public-project-tabs';

describe(PublicDeptProjectCard.name, () => {
  it('links to the département’s page and shows status, progress bar, axis, cantons and last report', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(PublicDeptProjectCard);
    fixture.componentRef.setInput('project', deptSummaryFixture('veloroute-vexin', 'Véloroute du Vexin'));
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const text = (selector: string) => element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

    expect(element.querySelector('a')?.getAttribute('href')).toBe('/projets-du-departement/veloroute-vexin');
    expect(text('h3')).toBe('Véloroute du Vexin');
    expect(text('pas-dept-progress .text')).toBe('En cours · 40 %');
    const bar = element.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('40');
    expect(bar?.getAttribute('aria-label')).toBe('Avancement de « Véloroute du Vexin »');
    expect(text('.axis')).toBe('Mobilités du quotidien');
    expect(text('.cantons')).toBe('Pontoise, Vauréal');
    expect(text('time')).toBe('15/06/2025');
  });
});

describe(PublicProjectTabs.name, () => {
  it('links both lists and marks the current one', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(PublicProjectTabs);
    fixture.componentRef.setInput('current', 'COMMUNE');
    await fixture.whenStable();
    const links = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
      a.getAttribute('aria-current'),
    ]);
    expect(links).toEqual([
      ['Projets des communes', '/projets', 'page'],
      ['Projets du Département', '/projets-du-departement', null],
    ]);
  });
});
