import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Role } from '@passerelle/shared/dto';
import { adminGuard, communeMemberGuard, departementStaffGuard, signedInGuard, signedOutGuard } from './auth-guards';
import { AuthSession } from './auth-session';
import { aUser } from './test-fixtures';

@Component({ template: '' })
class Blank {}

describe('route guards', () => {
  let router: Router;
  let session: AuthSession;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: Blank },
          { path: 'connexion', component: Blank, canActivate: [signedOutGuard] },
          { path: 'acces-reserve', component: Blank },
          { path: 'compte', component: Blank, canActivate: [signedInGuard] },
          {
            path: 'espace',
            canActivate: [communeMemberGuard],
            children: [
              { path: '', component: Blank },
              { path: 'equipe', component: Blank },
            ],
          },
          {
            path: 'departement',
            canActivate: [departementStaffGuard],
            children: [
              { path: '', component: Blank },
              { path: 'administration', component: Blank, canActivate: [adminGuard] },
            ],
          },
        ]),
      ],
    });
    router = TestBed.inject(Router);
    session = TestBed.inject(AuthSession);
  });

  function signInAs(role: Role): void {
    session.updateUser(aUser(role));
  }

  /** Where the router ended up, and the address the browser shows. */
  async function visit(url: string): Promise<{ page: string; address: string }> {
    await router.navigateByUrl(url);
    return { page: router.url, address: TestBed.inject(Location).path() };
  }

  it.each(['/espace/equipe', '/departement/administration', '/compte'])(
    'sends a visitor from %s to the sign-in page, with the way back',
    async (url) => {
      const { page } = await visit(url);
      expect(page).toBe(`/connexion?retour=${encodeURIComponent(url)}`);
    },
  );

  it.each<[Role, string]>([
    ['MAYOR', '/espace/equipe'],
    ['COLLABORATOR', '/espace'],
    ['AGENT', '/departement'],
    ['ADMIN', '/departement/administration'],
    ['COLLABORATOR', '/compte'],
    ['AGENT', '/compte'],
  ])('lets a %s open %s', async (role, url) => {
    signInAs(role);
    expect((await visit(url)).page).toBe(url);
  });

  it.each<[Role, string]>([
    ['MAYOR', '/departement'],
    ['COLLABORATOR', '/departement/administration'],
    ['AGENT', '/espace/equipe'],
    ['ADMIN', '/espace'],
    ['AGENT', '/departement/administration'],
  ])('shows a %s the "Accès réservé" page at %s, keeping the address', async (role, url) => {
    signInAs(role);
    const { page, address } = await visit(url);
    expect(page).toBe('/acces-reserve');
    expect(address).toBe(url);
  });

  it('waits for the session of a previous visit before deciding', async () => {
    let finish: () => void = () => undefined;
    jest.spyOn(session, 'whenRestored').mockReturnValue(
      new Promise<void>((resolve) => {
        finish = () => {
          signInAs('MAYOR');
          resolve();
        };
      }),
    );
    const navigation = router.navigateByUrl('/espace/equipe');
    finish();
    await navigation;
    expect(router.url).toBe('/espace/equipe');
  });

  it('takes a signed-in user away from the sign-in page, to a safe way back or their area', async () => {
    signInAs('MAYOR');
    expect((await visit('/connexion?retour=%2Fcompte')).page).toBe('/compte');
    expect((await visit('/connexion?retour=%2F%2Fevil.com')).page).toBe('/espace');
    signInAs('AGENT');
    expect((await visit('/connexion')).page).toBe('/departement');
  });
});
