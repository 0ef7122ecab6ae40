import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { InvitationDto } from '@passerelle/shared/dto';
import { AuthApi } from '@passerelle/web/auth/data-access';
import { of, throwError } from 'rxjs';
import { InvitationPage } from './invitation-page';

const invitation: InvitationDto = {
  email: 'secretariat@ableiges.fr',
  role: 'COLLABORATOR',
  invitedBy: 'Jeanne Martin',
  commune: { insee: '95002', name: 'Ableiges' },
  departement: { code: '95', name: 'Val-d’Oise' },
  expiresAt: '2026-12-20T10:00:00Z',
};

describe(InvitationPage.name, () => {
  let acceptInvitation: jest.Mock;

  async function open() {
    TestBed.configureTestingModule({
      imports: [InvitationPage],
      providers: [
        provideRouter([]),
        { provide: AuthApi, useValue: { getInvitation: () => of(invitation), acceptInvitation } },
      ],
    });
    const fixture = TestBed.createComponent(InvitationPage);
    fixture.componentRef.setInput('token', 'jeton');
    const element = fixture.nativeElement as HTMLElement;
    // In the document, so that the summary's links find their fields by id and focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
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
    return { element, type, submit };
  }

  function summaryLinks(element: HTMLElement): HTMLAnchorElement[] {
    return Array.from(element.querySelectorAll<HTMLAnchorElement>('.error-summary a'));
  }

  beforeEach(() => {
    acceptInvitation = jest.fn().mockReturnValue(of(null));
  });

  afterEach(() => document.body.replaceChildren());

  it('lists the fields to correct above the form, takes focus and links to each field', async () => {
    const { element, type, submit } = await open();
    type('#invitation-password', 'une phrase assez longue');
    await submit();

    expect(acceptInvitation).not.toHaveBeenCalled();
    expect(element.querySelector('.required-note')?.textContent).toBe('Les champs marqués * sont obligatoires.');
    const links = summaryLinks(element);
    expect(links.map((link) => link.textContent?.replace(/[ \n]+/g, ' ').trim())).toEqual([
      'Votre nom\u00a0: Ce champ est obligatoire.',
      'Confirmation du mot de passe\u00a0: Ce champ est obligatoire.',
    ]);
    expect(document.activeElement).toBe(element.querySelector('.error-summary'));
    links[0].click();
    expect(document.activeElement).toBe(element.querySelector('#invitation-displayName'));
  });

  it('lists the API’s field errors in the summary too', async () => {
    acceptInvitation.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certaines informations sont invalides.',
          errors: { password: 'Ce mot de passe fait partie des plus courants : choisissez-en un autre.' },
          requestId: 'r',
        },
      })),
    );
    const { element, type, submit } = await open();
    type('#invitation-displayName', 'Paul Durand');
    type('#invitation-password', 'motdepasse1234');
    type('#invitation-confirmation', 'motdepasse1234');
    await submit();

    expect(acceptInvitation).toHaveBeenCalledWith('jeton', { displayName: 'Paul Durand', password: 'motdepasse1234' });
    expect(summaryLinks(element).map((link) => link.getAttribute('href'))).toEqual(['#invitation-password']);
    expect(document.activeElement).toBe(element.querySelector('.error-summary'));
  });
});
