import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NewsletterApi, PublicDeptProjectsApi } from '@passerelle/web/public/data-access';
import { configFixture } from '@passerelle/web/public/ui-public/testing';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, throwError } from 'rxjs';
import { NewsletterConfirmPage } from './newsletter-confirm-page';
import { NewsletterSubscribePage, SUBSCRIBE_SENT_MESSAGE } from './newsletter-subscribe-page';
import { NewsletterUnsubscribePage } from './newsletter-unsubscribe-page';

const AXIS = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';

describe('newsletter pages', () => {
  let subscribe: jest.Mock;
  let confirm: jest.Mock;
  let unsubscribe: jest.Mock;

  beforeEach(() => {
    subscribe = jest.fn().mockReturnValue(of(undefined));
    confirm = jest.fn().mockReturnValue(of({ email: 'pa***@exemple.fr', scopeLabel: 'les nouvelles du canton de Pontoise', frequency: 'WEEKLY', created: true }));
    unsubscribe = jest.fn().mockReturnValue(of(undefined));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: NewsletterApi, useValue: { subscribe, confirm, unsubscribe } },
        {
          provide: PublicDeptProjectsApi,
          useValue: { axes: () => of([{ id: AXIS, label: 'Mobilités du quotidien', description: '', publishedCount: 1 }]) },
        },
        { provide: PublicConfig, useValue: { load: () => of(configFixture) } },
        {
          provide: TerritoryApi,
          useValue: { listCantons: () => of({ items: [{ code: '9510', name: 'Pontoise' }], total: 1, limit: 100, offset: 0 }) },
        },
      ],
    });
  });

  const text = (element: HTMLElement, selector: string) => element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  describe(NewsletterSubscribePage.name, () => {
    async function render(params: Record<string, string> = {}) {
      const fixture = TestBed.createComponent(NewsletterSubscribePage);
      for (const [name, value] of Object.entries(params)) {
        fixture.componentRef.setInput(name, value);
      }
      await fixture.whenStable();
      const element: HTMLElement = fixture.nativeElement;
      const type = async (value: string) => {
        const input = element.querySelector<HTMLInputElement>('input[type="email"]');
        if (!input) {
          throw new Error('no e-mail field');
        }
        input.value = value;
        input.dispatchEvent(new Event('input'));
        await fixture.whenStable();
      };
      const send = async () => {
        element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
        await fixture.whenStable();
      };
      return { fixture, element, type, send };
    }

    it('sends the address, the whole département and the frequency, then says to check the mailbox', async () => {
      const { element, type, send } = await render();
      expect(text(element, '.rgpd')).toContain('Seule votre adresse électronique est conservée');
      expect(element.querySelector('.rgpd a')?.getAttribute('href')).toBe('/donnees-personnelles');
      await type(' partenaire@exemple.fr ');
      await send();
      expect(subscribe).toHaveBeenCalledWith({
        departement: '95',
        email: 'partenaire@exemple.fr',
        scope: { kind: 'DEPARTEMENT' },
        frequency: 'MONTHLY',
      });
      expect(text(element, '[role="status"]')).toBe(SUBSCRIBE_SENT_MESSAGE);
      expect(SUBSCRIBE_SENT_MESSAGE).toBe(
        'Vérifiez votre boîte aux lettres : un lien de confirmation vous a été envoyé (valable 48 heures).',
      );
    });

    it('preselects the canton or the axis of the address (« Suivre ce projet »)', async () => {
      const byCanton = await render({ canton: '9510' });
      await byCanton.type('a@exemple.fr');
      await byCanton.send();
      expect(subscribe).toHaveBeenLastCalledWith(expect.objectContaining({ scope: { kind: 'CANTON', cantonCode: '9510' } }));

      const byAxis = await render({ axe: AXIS });
      await byAxis.type('b@exemple.fr');
      await byAxis.send();
      expect(subscribe).toHaveBeenLastCalledWith(expect.objectContaining({ scope: { kind: 'AXIS', axisId: AXIS } }));
    });

    it('sends nothing with an invalid address, and says why under the field', async () => {
      const { element, type, send } = await render();
      await type('pas-une-adresse');
      await send();
      expect(subscribe).not.toHaveBeenCalled();
      expect(text(element, 'mat-error')).toContain('adresse électronique valide');
    });

    it('keeps the form and shows the error when the request fails', async () => {
      subscribe.mockReturnValue(
        throwError(() => new HttpErrorResponse({ status: 429, error: { code: 'TOO_MANY_REQUESTS', message: 'Trop de demandes.' } })),
      );
      const { element, type, send } = await render();
      await type('a@exemple.fr');
      await send();
      expect(text(element, '[role="alert"]')).toBe('Trop de demandes.');
      expect(element.querySelector<HTMLInputElement>('input[type="email"]')?.value).toBe('a@exemple.fr');
    });
  });

  describe(NewsletterConfirmPage.name, () => {
    async function render(token: string) {
      const fixture = TestBed.createComponent(NewsletterConfirmPage);
      fixture.componentRef.setInput('token', token);
      await fixture.whenStable();
      return fixture.nativeElement as HTMLElement;
    }

    it('confirms with the token of the link and says what will be received', async () => {
      const element = await render('tok-1');
      expect(confirm).toHaveBeenCalledWith('tok-1');
      expect(text(element, '[role="status"]')).toBe(
        'C’est fait : votre inscription est confirmée. L’adresse pa***@exemple.fr recevra les nouvelles du canton de Pontoise, chaque semaine (le lundi).',
      );
    });

    it('shows the API’s message for an expired link', async () => {
      confirm.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 410, error: { message: 'Ce lien a expiré.' } })));
      const element = await render('old');
      expect(text(element, '[role="alert"]')).toBe('Ce lien a expiré.');
      expect(element.querySelector('a[href="/lettre"]')).not.toBeNull();
    });
  });

  describe(NewsletterUnsubscribePage.name, () => {
    it('unsubscribes as soon as the page opens, says so and offers to subscribe again', async () => {
      const fixture = TestBed.createComponent(NewsletterUnsubscribePage);
      fixture.componentRef.setInput('token', 'tok-2');
      await fixture.whenStable();
      const element: HTMLElement = fixture.nativeElement;
      expect(unsubscribe).toHaveBeenCalledTimes(1);
      expect(unsubscribe).toHaveBeenCalledWith('tok-2');
      expect(text(element, '[role="status"]')).toContain('Vous êtes désinscrit');
      expect(element.querySelector('a[href="/lettre"]')?.textContent).toContain('S’inscrire de nouveau');
    });
  });
});
