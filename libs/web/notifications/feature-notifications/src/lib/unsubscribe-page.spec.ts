import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { UnsubscribeResultDto } from '@passerelle/shared/dto';
import { NotificationsApi } from '@passerelle/web/notifications/data-access';
import { of, throwError } from 'rxjs';
import { UnsubscribePage } from './unsubscribe-page';

describe(UnsubscribePage.name, () => {
  let api: { describeUnsubscribe: jest.Mock; unsubscribe: jest.Mock };

  const current: UnsubscribeResultDto = {
    kind: 'AGENT_REPLY',
    label: 'Réponse du département à une question de la commune',
    email: 'IMMEDIATE',
  };

  async function render(token = 'u1.AGENT_REPLY.sig') {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'desabonnement/:token', component: UnsubscribePage }], withComponentInputBinding()),
        { provide: NotificationsApi, useValue: api },
      ],
    });
    const harness = await RouterTestingHarness.create(`/desabonnement/${token}`);
    const element = harness.routeNativeElement as HTMLElement;
    const button = (label: string) =>
      Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === label) ?? null;
    return { harness, element, button };
  }

  beforeEach(() => {
    api = {
      describeUnsubscribe: jest.fn().mockReturnValue(of(current)),
      unsubscribe: jest.fn().mockReturnValue(of({ ...current, email: 'NONE' })),
    };
  });

  it('says what the link stops without changing anything until the user confirms', async () => {
    const { element, harness, button } = await render();
    expect(api.describeUnsubscribe).toHaveBeenCalledWith('u1.AGENT_REPLY.sig');
    expect(api.unsubscribe).not.toHaveBeenCalled();
    expect(element.querySelector('.kind')?.textContent).toBe('Réponse du département à une question de la commune');
    expect(element.textContent).toContain('un courriel à chaque fois');

    button('Ne plus recevoir ces courriels')?.click();
    await harness.fixture.whenStable();
    expect(api.unsubscribe).toHaveBeenCalledWith('u1.AGENT_REPLY.sig');
    const confirmation = element.querySelector<HTMLElement>('[role="status"]');
    expect(confirmation?.textContent).toContain('vous ne recevrez plus de courriels pour');
    expect(document.activeElement).toBe(confirmation);
    const preferences = Array.from(element.querySelectorAll('a')).find((a) => a.getAttribute('href') === '/compte');
    expect(preferences?.textContent).toContain('Gérer toutes mes préférences');
    expect(button('Ne plus recevoir ces courriels')).toBeNull();
  });

  it('explains an invalid link clearly and offers the account page instead', async () => {
    api.describeUnsubscribe.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 400,
            error: { code: 'UNSUBSCRIBE_TOKEN_INVALID', message: 'Lien invalide.', requestId: 'r' },
          }),
      ),
    );
    const { element, button } = await render('abimé');
    expect(element.querySelector('[role="alert"]')?.textContent).toBe(
      'Ce lien de désabonnement n’est pas valide ou a expiré.',
    );
    expect(button('Ne plus recevoir ces courriels')).toBeNull();
    expect(element.querySelector('a[href="/compte"]')).not.toBeNull();
  });

  it('tells when these e-mails are already off', async () => {
    api.describeUnsubscribe.mockReturnValue(of({ ...current, email: 'NONE' }));
    const { element, button } = await render();
    expect(element.textContent).toContain('Vous ne recevez déjà plus de courriels pour');
    expect(button('Ne plus recevoir ces courriels')).toBeNull();
  });

  it('offers to try again when the server cannot be reached, and keeps the button when confirming fails', async () => {
    api.describeUnsubscribe.mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 0 })));
    const { element, harness, button } = await render();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Le serveur est injoignable');
    button('Réessayer')?.click();
    await harness.fixture.whenStable();
    expect(element.querySelector('.kind')).not.toBeNull();

    api.unsubscribe.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 503 })));
    button('Ne plus recevoir ces courriels')?.click();
    await harness.fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Le désabonnement n’a pas abouti');
    expect(button('Ne plus recevoir ces courriels')).not.toBeNull();
  });
});
