import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { Component, provideAppInitializer } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { BehaviorSubject } from 'rxjs';
import { App, PHONE_QUERY } from './app';
import { registerIcons } from './icons';

@Component({ template: '<h1>Page</h1>' })
class Blank {}

describe(App.name, () => {
  let phone: BehaviorSubject<BreakpointState>;

  async function render(isPhone: boolean) {
    phone = new BehaviorSubject<BreakpointState>({ matches: isPhone, breakpoints: { [PHONE_QUERY]: isPhone } });
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([
          { path: '', component: Blank },
          { path: 'espace', component: Blank },
        ]),
        { provide: BreakpointObserver, useValue: { observe: () => phone } },
        provideAppInitializer(registerIcons),
      ],
    });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows a labelled menu button and no inline links on a phone', async () => {
    const { element } = await render(true);
    expect(element.querySelector('button[aria-label="Ouvrir le menu"]')).not.toBeNull();
    expect(element.querySelector('.inline-nav')).toBeNull();
  });

  it('opens the drawer with the menu button and closes it after navigating', async () => {
    const { fixture, element } = await render(true);
    element.querySelector<HTMLButtonElement>('button[aria-label="Ouvrir le menu"]')?.click();
    await fixture.whenStable();
    expect(element.querySelector('button[aria-label="Ouvrir le menu"]')?.getAttribute('aria-expanded')).toBe('true');
    expect(element.querySelector('mat-sidenav')?.textContent).toContain('Espace commune');

    await TestBed.inject(Router).navigateByUrl('/espace');
    await fixture.whenStable();
    expect(element.querySelector('button[aria-label="Ouvrir le menu"]')?.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the links inline on larger screens', async () => {
    const { element } = await render(false);
    const links = Array.from(element.querySelectorAll('.inline-nav a')).map((a) => a.textContent?.trim());
    expect(links).toEqual(['Accueil', 'Espace commune', 'Département']);
    expect(element.querySelector('button[aria-label="Ouvrir le menu"]')).toBeNull();
    expect(element.querySelector('mat-sidenav')).toBeNull();
  });

  it('switches to the drawer when the screen becomes narrow', async () => {
    const { fixture, element } = await render(false);
    phone.next({ matches: true, breakpoints: { [PHONE_QUERY]: true } });
    await fixture.whenStable();
    expect(element.querySelector('button[aria-label="Ouvrir le menu"]')).not.toBeNull();
  });

  it('starts with a skip link that moves focus to the main content', async () => {
    const { element } = await render(false);
    const focusable = element.querySelectorAll<HTMLElement>('a[href], button');
    const skip = focusable[0];
    expect(skip.textContent?.trim()).toBe('Aller au contenu');
    expect(skip.getAttribute('href')).toBe('#contenu');

    const main = element.querySelector<HTMLElement>('main#contenu');
    if (!main) {
      throw new Error('no main landmark');
    }
    expect(main.getAttribute('tabindex')).toBe('-1');
    main.scrollIntoView = jest.fn();
    skip.click();
    expect(document.activeElement).toBe(main);
  });

  it('credits the data sources in the footer', async () => {
    const { element } = await render(false);
    const footer = element.querySelector('footer')?.textContent ?? '';
    expect(footer).toContain('INSEE');
    expect(footer).toContain('IGN Admin Express');
    expect(footer).toContain('Licence Ouverte 2.0');
  });
});
