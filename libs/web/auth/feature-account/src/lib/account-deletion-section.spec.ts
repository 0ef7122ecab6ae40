import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { PrivacyNoticeDto, Role } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { AccountDeletionApi, PrivacyNoticeApi } from '@passerelle/web/privacy/data-access';
import { of, throwError } from 'rxjs';
import { AccountDeletionSection } from './account-deletion-section';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

describe(AccountDeletionSection.name, () => {
  let api: { requestOwn: jest.Mock };
  let session: { role: ReturnType<typeof signal<Role | null>>; logout: jest.Mock };
  let router: { navigate: jest.Mock };
  let notice: jest.Mock;

  async function render(role: Role = 'MAYOR') {
    session.role.set(role);
    const fixture = TestBed.configureTestingModule({
      imports: [AccountDeletionSection],
      providers: [
        { provide: AccountDeletionApi, useValue: api },
        { provide: PrivacyNoticeApi, useValue: { notice } },
        { provide: AuthSession, useValue: session },
        { provide: Router, useValue: router },
      ],
    }).createComponent(AccountDeletionSection);
    const element = fixture.nativeElement as HTMLElement;
    document.body.appendChild(element);
    await fixture.whenStable();
    const button = (label: string) =>
      Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => plain(b.textContent) === label);
    const open = async () => {
      button('Supprimer mon compte…')?.click();
      await fixture.whenStable();
    };
    const type = (value: string) => {
      const input = element.querySelector<HTMLInputElement>('#deletion-password') as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    };
    return { element, fixture, button, open, type, submit };
  }

  beforeEach(() => {
    api = { requestOwn: jest.fn() };
    session = { role: signal<Role | null>('MAYOR'), logout: jest.fn().mockReturnValue(of(undefined)) };
    router = { navigate: jest.fn().mockResolvedValue(true) };
    notice = jest.fn().mockReturnValue(of({ deletionGraceDays: 30 } as PrivacyNoticeDto));
  });

  afterEach(() => document.body.replaceChildren());

  it('says what happens in plain words, with the grace period of the installation', async () => {
    const { element } = await render('MAYOR');
    const text = plain(element.querySelector('.consequences')?.textContent);
    expect(text).toContain('Votre compte est désactivé aussitôt');
    expect(text).toContain('Il est supprimé définitivement 30 jours plus tard. D’ici là, il vous suffit de vous reconnecter pour annuler la suppression.');
    expect(text).toContain('reste, sous la mention « Ancien membre de la commune »');
    expect(element.querySelector('.consequences a')?.textContent).toBe('télécharger vos données');
    expect(element.querySelector('.consequences a')?.getAttribute('href')).toBe('/compte#mes-donnees');
  });

  it('names what stays for an agent, and stays true when the grace period cannot be read', async () => {
    notice.mockReturnValue(throwError(() => ({ status: 0 })));
    const { element } = await render('AGENT');
    const text = plain(element.querySelector('.consequences')?.textContent);
    expect(text).toContain('« Ancien agent du département »');
    expect(text).toContain('Il est supprimé définitivement après un délai de grâce.');
  });

  it('asks for the password in a form that takes focus, and gives focus back when cancelled', async () => {
    const { element, open, button, fixture } = await render();
    await open();
    const input = element.querySelector('#deletion-password');
    expect(document.activeElement).toBe(input);
    expect(element.querySelector('label')?.textContent).toContain('Mot de passe');
    button('Annuler')?.click();
    await fixture.whenStable();
    expect(element.querySelector('#deletion-password')).toBeNull();
    expect(document.activeElement).toBe(button('Supprimer mon compte…'));
  });

  it('refuses an empty password without asking the API', async () => {
    const { element, open, submit } = await render();
    await open();
    await submit();
    expect(api.requestOwn).not.toHaveBeenCalled();
    expect(plain(element.querySelector('mat-error')?.textContent)).toBe('Ce champ est obligatoire.');
  });

  it('ends the session once the deletion is taken, and shows when the account will be deleted', async () => {
    api.requestOwn.mockReturnValue(of({ userId: 'u1', requestedAt: '2026-03-14T09:00:00Z', dueAt: '2026-04-13T09:00:00Z', requestedBy: 'SELF' }));
    const { open, type, submit } = await render();
    await open();
    type('mon mot de passe');
    await submit();
    expect(api.requestOwn).toHaveBeenCalledWith('mon mot de passe');
    expect(session.logout).toHaveBeenCalled();
    expect(router.navigate).toHaveBeenCalledWith(['/suppression-du-compte'], { queryParams: { date: '2026-04-13T09:00:00Z' } });
  });

  it('shows a wrong password under the field, like the password form', async () => {
    api.requestOwn.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certains champs sont incorrects.',
          errors: { password: 'Le mot de passe actuel est incorrect.' },
          requestId: 'r',
        },
      })),
    );
    const { element, open, type, submit } = await render();
    await open();
    type('faux');
    await submit();
    expect(plain(element.querySelector('mat-error')?.textContent)).toBe('Le mot de passe actuel est incorrect.');
    expect(document.activeElement).toBe(element.querySelector('#deletion-password'));
    expect(session.logout).not.toHaveBeenCalled();
  });

  it('shows why the last mayor cannot leave yet, and keeps the user signed in', async () => {
    api.requestOwn.mockReturnValue(
      throwError(() => ({
        status: 409,
        error: {
          code: 'ACCOUNT_DELETION_LAST_MAYOR',
          message: 'Vous êtes le seul maire de la commune : le département doit d’abord inviter votre successeur.',
          requestId: 'r',
        },
      })),
    );
    const { element, open, type, submit } = await render();
    await open();
    type('mon mot de passe');
    await submit();
    expect(plain(element.querySelector('[role="alert"]')?.textContent)).toBe(
      'Vous êtes le seul maire de la commune : le département doit d’abord inviter votre successeur.',
    );
    expect(session.logout).not.toHaveBeenCalled();
    expect(router.navigate).not.toHaveBeenCalled();
  });
});
