import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { MemberDto, TeamDto, WorkspaceSummaryDto } from '@passerelle/shared/dto';
import { AccountDeletionApi } from '@passerelle/web/privacy/data-access';
import { TeamApi, WorkspacesAdminApi } from '@passerelle/web/workspace/data-access';
import { of, throwError } from 'rxjs';
import { AccountDeletionDialog } from './account-deletion-dialog';
import { WorkspacesPanel } from './workspaces-panel';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

const ABLEIGES: WorkspaceSummaryDto = {
  insee: '95002',
  name: 'Ableiges',
  population: 1100,
  eligible: true,
  canton: null,
  state: 'OPEN',
  openedAt: '2026-01-05T09:00:00Z',
  mayor: { displayName: 'Jeanne Martin', email: 'maire@ableiges.fr', status: 'ACTIVE' },
  seatsUsed: 2,
};

function member(overrides: Partial<MemberDto>): MemberDto {
  return {
    id: 'm',
    status: 'ACTIVE',
    email: 'x@ableiges.fr',
    displayName: null,
    role: 'COLLABORATOR',
    invitedAt: null,
    expiresAt: null,
    lastSignInAt: null,
    deletionDueAt: null,
    ...overrides,
  };
}

function team(items: MemberDto[]): TeamDto {
  return { commune: { insee: '95002', name: 'Ableiges' }, items, total: items.length, seats: { total: 4, used: items.length, free: 4 - items.length } };
}

/** The admins' side of a commune's team: deleting a member's account at their request, or cancelling it. */
describe(WorkspacesPanel.name, () => {
  let teamApi: { getTeam: jest.Mock };
  let deletions: { requestFor: jest.Mock; cancelFor: jest.Mock };
  let dialog: { open: jest.Mock };

  async function render() {
    const fixture = TestBed.configureTestingModule({
      imports: [WorkspacesPanel],
      providers: [
        { provide: WorkspacesAdminApi, useValue: { listWorkspaces: () => of({ items: [ABLEIGES], total: 1, limit: 20, offset: 0 }) } },
        { provide: TeamApi, useValue: teamApi },
        { provide: AccountDeletionApi, useValue: deletions },
        { provide: MatDialog, useValue: dialog },
      ],
    }).createComponent(WorkspacesPanel);
    fixture.componentRef.setInput('departementCode', '95');
    const element = fixture.nativeElement as HTMLElement;
    document.body.appendChild(element);
    await fixture.whenStable();
    const button = (label: string) =>
      Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => plain(b.textContent) === label) as HTMLButtonElement;
    button('Voir l’équipe').click();
    await fixture.whenStable();
    return { fixture, element, button };
  }

  beforeEach(() => {
    teamApi = { getTeam: jest.fn().mockReturnValue(of(team([member({ id: 'mayor', role: 'MAYOR', email: 'maire@ableiges.fr', displayName: 'Jeanne Martin' })]))) };
    deletions = { requestFor: jest.fn(), cancelFor: jest.fn().mockReturnValue(of(undefined)) };
    dialog = { open: jest.fn() };
  });

  afterEach(() => document.body.replaceChildren());

  it('deletes a member’s account with the reason given in the dialog, then shows the team again', async () => {
    const deletion = { userId: 'mayor', requestedAt: '2026-03-14T09:00:00Z', dueAt: '2026-04-13T09:00:00Z', requestedBy: 'ADMIN' };
    dialog.open.mockImplementation((_component: unknown, config: { data: { submit: (reason: string) => unknown } }) => {
      config.data.submit('Courrier du maire');
      return { afterClosed: () => of(deletion) };
    });
    deletions.requestFor.mockReturnValue(of(deletion));
    const { fixture, element, button } = await render();
    expect(teamApi.getTeam).toHaveBeenCalledWith('95002');
    button('Supprimer le compte (à la demande de la personne)').click();
    await fixture.whenStable();
    expect(dialog.open.mock.calls[0][0]).toBe(AccountDeletionDialog);
    expect(dialog.open.mock.calls[0][1].data).toMatchObject({ name: 'Jeanne Martin', keptAs: 'Ancien membre de la commune' });
    expect(deletions.requestFor).toHaveBeenCalledWith('mayor', 'Courrier du maire');
    expect(plain(element.querySelector('.notice')?.textContent)).toBe('Le compte de Jeanne Martin est désactivé ; il sera supprimé le 13/04/2026.');
    expect(teamApi.getTeam).toHaveBeenCalledTimes(2);
  });

  it('cancels a pending deletion after a confirmation, and shows a refusal', async () => {
    teamApi.getTeam.mockReturnValue(of(team([member({ id: 'col', email: 'paul@ableiges.fr', deletionDueAt: '2026-04-13T09:00:00Z' })])));
    dialog.open.mockReturnValue({ afterClosed: () => of(true) });
    const { fixture, element, button } = await render();
    expect(plain(element.querySelector('.team')?.textContent)).toContain('Suppression prévue le 13/04/2026');
    button('Annuler la suppression').click();
    await fixture.whenStable();
    expect(deletions.cancelFor).toHaveBeenCalledWith('col');
    expect(plain(element.querySelector('.notice')?.textContent)).toBe('La suppression du compte de paul@ableiges.fr est annulée.');

    deletions.cancelFor.mockReturnValue(throwError(() => ({ status: 404, error: { code: 'NOT_FOUND', message: 'Ce compte est introuvable.', requestId: 'r' } })));
    button('Annuler la suppression').click();
    await fixture.whenStable();
    expect(plain(element.querySelector('[role="alert"]')?.textContent)).toBe('Ce compte est introuvable.');
  });
});
