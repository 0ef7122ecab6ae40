import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { PageTitle } from './page-title';

@Component({ template: '' })
class Blank {}

describe(PageTitle.name, () => {
  let sut: PageTitle;
  let router: Router;
  let title: Title;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'projets/:id', component: Blank },
          { path: 'recherche', component: Blank },
        ]),
      ],
    });
    sut = TestBed.inject(PageTitle);
    router = TestBed.inject(Router);
    title = TestBed.inject(Title);
  });

  it('names the page’s subject before the product', () => {
    sut.setRouteTitle('Fiche projet');
    sut.set('Fiche projet', 'Réfection du lavoir');
    expect(title.getTitle()).toBe('Fiche projet — Réfection du lavoir · Passerelle');
  });

  it('keeps the page’s title when the route title is written after it', () => {
    sut.set('Question', 'Subvention DETR');
    sut.setRouteTitle('Question au département');
    expect(title.getTitle()).toBe('Question — Subvention DETR · Passerelle');
  });

  it('goes back to the route title without parts, skipping empty ones', () => {
    sut.setRouteTitle('Rechercher un projet');
    sut.set('Rechercher un projet', '« lavoir »');
    sut.set();
    expect(title.getTitle()).toBe('Rechercher un projet — Passerelle');
    sut.set('  ', null);
    expect(title.getTitle()).toBe('Rechercher un projet — Passerelle');
  });

  it('drops a page’s title on leaving for another path, not on a query change', async () => {
    await router.navigateByUrl('/recherche');
    sut.set('Rechercher un projet', '« lavoir »');
    await router.navigateByUrl('/recherche?page=2');
    sut.setRouteTitle('Rechercher un projet');
    expect(title.getTitle()).toBe('Rechercher un projet — « lavoir » · Passerelle');

    await router.navigateByUrl('/projets/p1');
    sut.setRouteTitle('Fiche projet');
    expect(title.getTitle()).toBe('Fiche projet — Passerelle');
  });
});
