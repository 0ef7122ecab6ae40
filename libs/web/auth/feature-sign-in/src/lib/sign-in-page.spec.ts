import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { AuthenticatedResponse, PublicConfigDto, Role } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { of, throwError } from 'rxjs';
import { SignInPage } from './sign-in-page';

@Component({ template: '' })
class Blank {}

function authenticated(role: Role): AuthenticatedResponse {
  return {
    status: 'AUTHENTICATED',
    accessToken: 't',
    expiresIn: 900,
    user: { role } as AuthenticatedResponse['user'],
  };
}

const config: PublicConfigDto = {
  defaultDepartementCode: '95',
  tileUrl: null,
  tileAttribution: '',
  demoMode: true,
  demoAccounts: [{ email: 'maire@ableiges.demo', displayName: 'Jeanne Martin', description: "Maire d’Ableiges" }],
};

describe(SignInPage.name, () => {
  let session: { [K in 'login' | 'loginWithTotp' | 'startEnrolment' | 'confirmEnrolment' | 'user']: jest.Mock };

  async function render(query: Record<string, string> = {}) {
    TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        { provide: AuthSession, useValue: session },
        { provide: PublicConfig, useValue: { load: () => of(config) } },
      ],
    });
    const fixture = TestBed.createComponent(SignInPage);
    for (const [name, value] of Object.entries(query)) {
      fixture.componentRef.setInput(name, value);
    }
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const type = (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector);
      if (!input) {
        throw new Error(`no ${selector}`);
      }
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    };
    return { fixture, element, navigate, type, submit };
  }

  beforeEach(() => {
    session = {
      login: jest.fn().mockReturnValue(of(authenticated('MAYOR'))),
      loginWithTotp: jest.fn().mockReturnValue(of(authenticated('AGENT'))),
      startEnrolment: jest.fn(),
      confirmEnrolment: jest.fn(),
      user: jest.fn().mockReturnValue(null),
    };
  });

  it('goes back to the page asked for after signing in', async () => {
    const { type, submit, navigate } = await render({ retour: '/espace/equipe' });
    type('input[type="email"]', 'maire@ableiges.demo');
    type('input[type="password"]', 'Passerelle-Vexin-2026');
    await submit();
    expect(session.login).toHaveBeenCalledWith('maire@ableiges.demo', 'Passerelle-Vexin-2026');
    expect(navigate).toHaveBeenCalledWith('/espace/equipe');
  });

  it('ignores a way back to another site and goes to the user’s area instead', async () => {
    const { type, submit, navigate } = await render({ retour: '//evil.com/connexion' });
    type('input[type="email"]', 'maire@ableiges.demo');
    type('input[type="password"]', 'Passerelle-Vexin-2026');
    await submit();
    expect(navigate).toHaveBeenCalledWith('/espace');
  });

  it('asks for the code of the app when the account has a second factor', async () => {
    session.login.mockReturnValue(of({ status: 'TOTP_REQUIRED', challengeToken: 'challenge' }));
    const { element, type, submit, navigate } = await render();
    type('input[type="email"]', 'agent@valdoise.demo');
    type('input[type="password"]', 'Passerelle-Vexin-2026');
    await submit();
    expect(element.querySelector('h1')?.textContent).toBe('Double authentification');

    type('input[autocomplete="one-time-code"]', '123 456');
    await submit();
    expect(session.loginWithTotp).toHaveBeenCalledWith('challenge', '123456');
    expect(navigate).toHaveBeenCalledWith('/departement');
  });

  it('shows the API’s message and keeps what was typed when sign-in fails', async () => {
    session.login.mockReturnValue(
      throwError(() => ({
        status: 429,
        error: { code: 'TOO_MANY_REQUESTS', message: 'Trop de tentatives. Réessayez dans 5 minutes.', requestId: 'r' },
      })),
    );
    const { element, type, submit } = await render();
    type('input[type="email"]', 'maire@ableiges.demo');
    type('input[type="password"]', 'mauvais mot de passe');
    await submit();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Trop de tentatives. Réessayez dans 5 minutes.');
    expect(element.querySelector<HTMLInputElement>('input[type="email"]')?.value).toBe('maire@ableiges.demo');
    expect(element.querySelector<HTMLInputElement>('input[type="password"]')?.value).toBe('mauvais mot de passe');
  });

  it('goes back to the password step with the API’s message when sign-in to the account is suspended', async () => {
    session.login.mockReturnValue(of({ status: 'TOTP_REQUIRED', challengeToken: 'challenge' }));
    session.loginWithTotp.mockReturnValue(
      throwError(() => ({
        status: 429,
        error: { code: 'LOGIN_LOCKED', message: 'Trop de tentatives de connexion pour cette adresse électronique.', retryAfterSeconds: 900, requestId: 'r' },
      })),
    );
    const { element, type, submit } = await render();
    type('input[type="email"]', 'agent@valdoise.demo');
    type('input[type="password"]', 'Passerelle-Vexin-2026');
    await submit();
    type('input[autocomplete="one-time-code"]', '123456');
    await submit();
    expect(element.querySelector('h1')?.textContent).toBe('Connexion');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Trop de tentatives de connexion pour cette adresse électronique.');
    expect(element.querySelector<HTMLInputElement>('input[type="email"]')?.value).toBe('agent@valdoise.demo');
    expect(element.querySelector('a[href="/mot-de-passe-oublie"]')).not.toBeNull();
  });

  it('lists the demo accounts and fills the e-mail of the one chosen', async () => {
    const { fixture, element } = await render();
    const use = element.querySelector<HTMLButtonElement>('button[aria-label^="Utiliser le compte de Jeanne Martin"]');
    expect(use).not.toBeNull();
    use?.click();
    await fixture.whenStable();
    expect(element.querySelector<HTMLInputElement>('input[type="email"]')?.value).toBe('maire@ableiges.demo');
  });

  it('prefills the e-mail and welcomes a user who just created their account', async () => {
    const { element } = await render({ email: 'nouveau@ableiges.fr', info: 'compte-cree' });
    expect(element.querySelector<HTMLInputElement>('input[type="email"]')?.value).toBe('nouveau@ableiges.fr');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Votre compte est créé.');
  });

  it('shows the password in clear with a toggle button, and hides it again', async () => {
    const { fixture, element } = await render();
    const password = () => element.querySelector<HTMLInputElement>('#sign-in-password');
    const toggle = Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find(
      (button) => button.textContent?.trim() === 'Afficher le mot de passe',
    );
    expect(toggle?.type).toBe('button');
    expect(toggle?.getAttribute('aria-pressed')).toBe('false');
    expect(password()?.type).toBe('password');

    toggle?.click();
    await fixture.whenStable();
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');
    expect(password()?.type).toBe('text');

    toggle?.click();
    await fixture.whenStable();
    expect(password()?.type).toBe('password');
  });

  describe('after a failed submit', () => {
    afterEach(() => document.body.replaceChildren());

    it('lists the fields to correct above the form, takes focus and links to each field', async () => {
      const { fixture, element, type, submit } = await render();
      // In the document, so that the summary's links find their fields by id and focus can move.
      document.body.appendChild(element);
      type('input[type="email"]', 'maire-ableiges');
      await submit();
      await fixture.whenStable();

      expect(session.login).not.toHaveBeenCalled();
      expect(element.querySelector('.required-note')?.textContent).toBe('Les champs marqués * sont obligatoires.');
      const summary = element.querySelector<HTMLElement>('.error-summary');
      expect(summary?.querySelector('h2')?.textContent?.trim()).toBe('Le formulaire contient 2 erreurs');
      const links = Array.from(summary?.querySelectorAll('a') ?? []);
      expect(links.map((link) => link.textContent?.replace(/[ \n]+/g, ' ').trim())).toEqual([
        'Adresse électronique\u00a0: Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.',
        'Mot de passe\u00a0: Ce champ est obligatoire.',
      ]);
      expect(document.activeElement).toBe(summary);
      links[1].click();
      expect(document.activeElement).toBe(element.querySelector('#sign-in-password'));
    });

    it('shows a missing code under its field and moves focus to it, without a summary', async () => {
      session.login.mockReturnValue(of({ status: 'TOTP_REQUIRED', challengeToken: 'challenge' }));
      const { fixture, element, type, submit } = await render();
      document.body.appendChild(element);
      type('input[type="email"]', 'agent@valdoise.demo');
      type('input[type="password"]', 'Passerelle-Vexin-2026');
      await submit();
      await submit();
      await fixture.whenStable();

      expect(session.loginWithTotp).not.toHaveBeenCalled();
      expect(element.querySelector('mat-error')?.textContent).toContain('Ce champ est obligatoire.');
      expect(element.querySelector('.error-summary')).toBeNull();
      expect(document.activeElement).toBe(element.querySelector('input[autocomplete="one-time-code"]'));
    });
  });

  it('tells how a commune gets its account', async () => {
    const { element } = await render();
    expect(element.textContent).toContain('Votre commune n’a pas encore d’espace');
  });
});
