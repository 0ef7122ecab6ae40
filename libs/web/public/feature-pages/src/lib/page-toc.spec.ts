import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PageToc } from './page-toc';

@Component({
  imports: [PageToc],
  template: `
    <pas-page-toc [entries]="[{ id: 'licence', label: 'Licence' }]" />
    <section id="licence"><h2>Licence</h2></section>
  `,
})
class Page {}

describe(PageToc.name, () => {
  let scrolled: string[];

  beforeEach(() => {
    scrolled = [];
    // jsdom does not lay out, so it has no scrollIntoView.
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.id);
    };
  });

  async function render(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'donnees-ouvertes', component: Page }])] });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, Page);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it('links to the section on this very page, not on the home page', async () => {
    const element = await render('/donnees-ouvertes');
    expect(element.querySelector('nav[aria-labelledby="toc-title"] a')?.getAttribute('href')).toBe('/donnees-ouvertes#licence');
  });

  it('scrolls to the section, focuses its heading and puts the section in the address', async () => {
    const element = await render('/donnees-ouvertes');
    element.querySelector<HTMLAnchorElement>('pas-page-toc a')?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    expect(scrolled).toEqual(['licence']);
    expect(document.activeElement).toBe(element.querySelector('#licence h2'));
    expect(TestBed.inject(Location).path(true)).toBe('/donnees-ouvertes#licence');
  });

  it('leaves a click with a modifier key to the browser (new tab)', async () => {
    const element = await render('/donnees-ouvertes');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    element.querySelector<HTMLAnchorElement>('pas-page-toc a')?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    expect(scrolled).toEqual([]);
  });

  it('shows the section named in the address on arrival', async () => {
    await render('/donnees-ouvertes#licence');
    expect(scrolled).toEqual(['licence']);
  });
});

