import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy } from '@angular/router';
import { PageTitle } from '@passerelle/web/shared/data-access';
import { PageTitleStrategy } from './page-title-strategy';

@Component({ template: '' })
class Blank {}

describe(PageTitleStrategy.name, () => {
  let router: Router;
  let title: Title;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'espace', title: 'Espace commune', component: Blank },
          { path: 'sans-titre', component: Blank },
        ]),
        { provide: TitleStrategy, useClass: PageTitleStrategy },
      ],
    });
    router = TestBed.inject(Router);
    title = TestBed.inject(Title);
  });

  it('puts the page before the product name', async () => {
    await router.navigateByUrl('/espace');
    expect(title.getTitle()).toBe('Espace commune — Passerelle');
  });

  it('falls back to the product name on a route without a title', async () => {
    await router.navigateByUrl('/espace');
    await router.navigateByUrl('/sans-titre');
    expect(title.getTitle()).toBe('Passerelle');
  });

  it('keeps the subject a page named while the navigation was ending', async () => {
    await router.navigateByUrl('/espace');
    const navigation = router.navigateByUrl('/sans-titre');
    TestBed.inject(PageTitle).set('Fiche projet', 'Réfection du lavoir');
    await navigation;
    expect(title.getTitle()).toBe('Fiche projet — Réfection du lavoir · Passerelle');
  });
});
