import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { MeDto } from '@passerelle/shared/dto';
import { AccountApi, AuthSession } from '@passerelle/web/auth/data-access';
import { of, throwError } from 'rxjs';
import { SecondFactorSection } from './second-factor-section';

describe(SecondFactorSection.name, () => {
  let api: Partial<Record<keyof AccountApi, jest.Mock>>;

  async function render(user: Partial<MeDto>) {
    TestBed.configureTestingModule({
      imports: [SecondFactorSection],
      providers: [
        { provide: AccountApi, useValue: api },
        { provide: AuthSession, useValue: { user: signal(user), updateUser: jest.fn() } },
      ],
    });
    const fixture = TestBed.createComponent(SecondFactorSection);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = (label: string) =>
      Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === label) ?? null;
    return { fixture, element, button };
  }

  beforeEach(() => {
    api = {
      startTotpSetup: jest.fn().mockReturnValue(
        of({ otpauthUri: 'otpauth://totp/x', qrCodeDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+', secret: 'ABCDEFGHIJKLMNOP' }),
      ),
      confirmTotp: jest.fn().mockReturnValue(of({ recoveryCodes: ['aaaa-bbbb'] })),
      getMe: jest.fn().mockReturnValue(of({})),
    };
  });

  it('lets a mayor turn the second factor off', async () => {
    const { button } = await render({ totpEnabled: true, totpRequired: false });
    expect(button('Désactiver')).not.toBeNull();
  });

  it('tells staff that it is mandatory and offers no way to turn it off', async () => {
    const { element, button } = await render({ totpEnabled: true, totpRequired: true });
    expect(element.textContent).toContain('Obligatoire pour les agents et administrateurs');
    expect(button('Désactiver')).toBeNull();
    expect(button('Générer de nouveaux codes de secours')).not.toBeNull();
  });

  describe('after a failed submit (one field: no summary)', () => {
    afterEach(() => document.body.replaceChildren());

    it('shows a wrong code under its field and moves focus to it', async () => {
      const { fixture, element, button } = await render({ totpEnabled: false, totpRequired: false });
      // In the document, so that focus can move.
      document.body.appendChild(element);
      button('Activer la double authentification')?.click();
      await fixture.whenStable();
      const input = element.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]');
      if (!input) {
        throw new Error('no code field');
      }
      input.value = '12';
      input.dispatchEvent(new Event('input'));
      button('Activer')?.click();
      await fixture.whenStable();

      expect(api.confirmTotp).not.toHaveBeenCalled();
      expect(element.querySelector('mat-error')?.textContent).toContain('Le code compte 6 chiffres.');
      expect(document.activeElement).toBe(input);
    });

    it('moves focus to the password the API refused when turning it off', async () => {
      api.disableTotp = jest.fn().mockReturnValue(
        throwError(() => ({
          status: 400,
          error: { code: 'INVALID_PASSWORD', message: 'Mot de passe incorrect.', requestId: 'r' },
        })),
      );
      const { fixture, element, button } = await render({ totpEnabled: true, totpRequired: false });
      document.body.appendChild(element);
      button('Désactiver')?.click();
      await fixture.whenStable();
      const input = element.querySelector<HTMLInputElement>('input[type="password"]');
      if (!input) {
        throw new Error('no password field');
      }
      button('Désactiver')?.click();
      await fixture.whenStable();
      expect(api.disableTotp).not.toHaveBeenCalled();
      expect(document.activeElement).toBe(input);

      input.value = 'mauvais';
      input.dispatchEvent(new Event('input'));
      input.blur();
      button('Désactiver')?.click();
      await fixture.whenStable();
      expect(element.querySelector('mat-error')?.textContent).toContain('Mot de passe incorrect.');
      expect(document.activeElement).toBe(input);
    });
  });

  it('sets it up: QR code with a text alternative, the secret, a first code, then the recovery codes', async () => {
    const { fixture, element, button } = await render({ totpEnabled: false, totpRequired: false });
    button('Activer la double authentification')?.click();
    await fixture.whenStable();
    const image = element.querySelector('img');
    expect(image?.getAttribute('src')).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    expect(image?.getAttribute('alt')).toContain('QR code');
    expect(element.querySelector('.secret')?.textContent).toBe('ABCD EFGH IJKL MNOP');

    const input = element.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]');
    if (!input) {
      throw new Error('no code field');
    }
    input.value = '123456';
    input.dispatchEvent(new Event('input'));
    button('Activer')?.click();
    await fixture.whenStable();
    expect(api.confirmTotp).toHaveBeenCalledWith('123456');
    expect(element.querySelector('[aria-label="Codes de secours"]')?.textContent).toContain('aaaa-bbbb');
  });
});
