import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { MeDto, MemberDto, Role, TeamDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { TeamApi } from '@passerelle/web/workspace/data-access';
import { of, throwError } from 'rxjs';
import { TeamPage } from './team-page';

function member(overrides: Partial<MemberDto>): MemberDto {
  return {
    id: 'm',
    status: 'ACTIVE',
    email: 'x@ableiges.fr',
    displayName: null,
    role: 'COLLABORATOR',
    invitedAt: '2026-03-01T09:00:00Z',
    expiresAt: null,
    lastSignInAt: null,
    deletionDueAt: null,
    ...overrides,
  };
}

const team: TeamDto = {
  commune: { insee: '95002', name: 'Ableiges' },
  items: [
    member({ id: 'mayor', role: 'MAYOR', email: 'maire@ableiges.fr', displayName: 'Jeanne Martin' }),
    member({ id: 'col', email: 'paul@ableiges.fr', displayName: 'Paul Durand', lastSignInAt: '2026-03-02T10:00:00Z' }),
    member({ id: 'inv', status: 'PENDING', email: 'nouveau@ableiges.fr', expiresAt: '2026-03-08T09:00:00Z' }),
  ],
  total: 3,
  seats: { total: 4, used: 3, free: 1 },
};

describe(TeamPage.name, () => {
  let api: { [K in keyof TeamApi]: jest.Mock };
  let confirmed: boolean;

  async function render(role: Role) {
    const user = signal<Partial<MeDto>>({ role, commune: { insee: '95002', name: 'Ableiges' } });
    TestBed.configureTestingModule({
      imports: [TeamPage],
      providers: [
        provideRouter([]),
        { provide: TeamApi, useValue: api },
        { provide: AuthSession, useValue: { user, role: () => role } },
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(confirmed) }) } },
      ],
    });
    const fixture = TestBed.createComponent(TeamPage);
    const element = fixture.nativeElement as HTMLElement;
    // In the document, so that the error summary's link finds the field by id and focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();
    const button = (label: string) =>
      Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === label) ?? null;
    return { fixture, element, button };
  }

  afterEach(() => document.body.replaceChildren());

  beforeEach(() => {
    confirmed = true;
    api = {
      getTeam: jest.fn().mockReturnValue(of(team)),
      inviteCollaborator: jest.fn().mockReturnValue(of(member({}))),
      removeMember: jest.fn().mockReturnValue(of(null)),
      cancelInvitation: jest.fn().mockReturnValue(of(null)),
      resendInvitation: jest.fn().mockReturnValue(of(member({}))),
    };
  });

  it('counts the occupied seats, pending invitations included', async () => {
    const { element } = await render('MAYOR');
    expect(api.getTeam).toHaveBeenCalledWith('95002');
    expect(element.querySelector('.seat-count')?.textContent?.trim()).toBe('3 places sur 4 occupées');
    expect(element.querySelectorAll('.seat--used')).toHaveLength(3);
    expect(element.querySelectorAll('.seat')).toHaveLength(4);
  });

  it('gives the mayor the team controls, never on their own seat', async () => {
    const { element, button } = await render('MAYOR');
    expect(element.querySelector('input[type="email"]')).not.toBeNull();
    expect(button('Retirer')?.getAttribute('aria-label')).toBe('Retirer Paul Durand de l’équipe');
    expect(button('Renvoyer')).not.toBeNull();
    expect(button('Annuler l’invitation')).not.toBeNull();
    expect(element.querySelectorAll('button.remove')).toHaveLength(1);
  });

  it('shows collaborators the team read-only', async () => {
    const { element, button } = await render('COLLABORATOR');
    expect(element.querySelector('.seat-count')?.textContent?.trim()).toBe('3 places sur 4 occupées');
    expect(element.textContent).toContain('Paul Durand');
    expect(element.textContent).toContain('Invitation en attente');
    expect(element.querySelector('form')).toBeNull();
    expect(button('Retirer')).toBeNull();
    expect(button('Renvoyer')).toBeNull();
    expect(element.textContent).toContain('Seul le maire peut inviter ou retirer des collaborateurs.');
  });

  it('invites a collaborator and reloads the team', async () => {
    const { fixture, element, button } = await render('MAYOR');
    const input = element.querySelector<HTMLInputElement>('input[type="email"]');
    if (!input) {
      throw new Error('no e-mail field');
    }
    input.value = ' adjoint@ableiges.fr ';
    input.dispatchEvent(new Event('input'));
    button('Envoyer l’invitation')?.click();
    await fixture.whenStable();
    expect(api.inviteCollaborator).toHaveBeenCalledWith('95002', 'adjoint@ableiges.fr');
    expect(api.getTeam).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Invitation envoyée à adjoint@ableiges.fr.');
    expect(document.activeElement).toBe(element.querySelector('[role="status"]'));
  });

  it('lists an invalid address above the form, takes focus and links to the field', async () => {
    const { fixture, element, button } = await render('MAYOR');
    const input = element.querySelector<HTMLInputElement>('input[type="email"]');
    if (!input) {
      throw new Error('no e-mail field');
    }
    input.value = 'adjoint-ableiges';
    input.dispatchEvent(new Event('input'));
    button('Envoyer l’invitation')?.click();
    await fixture.whenStable();

    expect(api.inviteCollaborator).not.toHaveBeenCalled();
    const summary = element.querySelector<HTMLElement>('.error-summary');
    expect(summary?.querySelector('h2')?.textContent?.trim()).toBe('Le formulaire contient 1 erreur');
    expect(summary?.querySelector('a')?.textContent?.replace(/[ \n]+/g, ' ').trim()).toBe(
      'Adresse électronique du collaborateur\u00a0: Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.',
    );
    expect(document.activeElement).toBe(summary);
    summary?.querySelector('a')?.click();
    expect(document.activeElement).toBe(input);
  });

  it('shows the API’s message when no seat is left, and keeps the e-mail typed', async () => {
    api.inviteCollaborator.mockReturnValue(
      throwError(() => ({
        status: 409,
        error: { code: 'NO_FREE_SEAT', message: 'Les 4 places de l’espace sont occupées.', requestId: 'r' },
      })),
    );
    const { fixture, element, button } = await render('MAYOR');
    const input = element.querySelector<HTMLInputElement>('input[type="email"]');
    if (!input) {
      throw new Error('no e-mail field');
    }
    input.value = 'adjoint@ableiges.fr';
    input.dispatchEvent(new Event('input'));
    button('Envoyer l’invitation')?.click();
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Les 4 places de l’espace sont occupées.');
    expect(input.value).toBe('adjoint@ableiges.fr');
  });

  it('removes a collaborator only once the mayor confirms', async () => {
    confirmed = false;
    const { fixture, button } = await render('MAYOR');
    button('Retirer')?.click();
    await fixture.whenStable();
    expect(api.removeMember).not.toHaveBeenCalled();

    confirmed = true;
    button('Retirer')?.click();
    await fixture.whenStable();
    expect(api.removeMember).toHaveBeenCalledWith('95002', 'col');
  });

  it('offers no invitation form when every seat is taken', async () => {
    api.getTeam.mockReturnValue(of({ ...team, seats: { total: 4, used: 4, free: 0 } }));
    const { element } = await render('MAYOR');
    expect(element.querySelector('.seat-count')?.textContent?.trim()).toBe('4 places sur 4 occupées');
    expect(element.querySelector('form')).toBeNull();
    expect(element.textContent).toContain('Toutes les places sont occupées.');
  });
});
