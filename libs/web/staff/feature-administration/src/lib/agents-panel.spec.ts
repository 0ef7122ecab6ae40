import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { AgentDto } from '@passerelle/shared/dto';
import { AccountDeletionApi } from '@passerelle/web/privacy/data-access';
import { StaffApi } from '@passerelle/web/staff/data-access';
import { of } from 'rxjs';
import { AccountDeletionDialog } from './account-deletion-dialog';
import { AgentsPanel } from './agents-panel';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

function anAgent(overrides: Partial<AgentDto>): AgentDto {
  return {
    id: 'a1',
    email: 'claire@valdoise.example',
    displayName: 'Claire Agent',
    role: 'AGENT',
    status: 'ACTIVE',
    totpEnabled: true,
    lastSignInAt: '2026-03-01T09:00:00Z',
    invitedAt: null,
    deletionDueAt: null,
    ...overrides,
  };
}

describe(AgentsPanel.name, () => {
  afterEach(() => document.body.replaceChildren());

  it('lists a wrong address above the invitation form, takes focus and links to the field', async () => {
    const api = { listAgents: jest.fn().mockReturnValue(of([])), inviteAgent: jest.fn() };
    const fixture = TestBed.configureTestingModule({
      imports: [AgentsPanel],
      providers: [
        { provide: StaffApi, useValue: api },
        { provide: MatDialog, useValue: {} },
      ],
    }).createComponent(AgentsPanel);
    fixture.componentRef.setInput('departementCode', '95');
    const element = fixture.nativeElement as HTMLElement;
    document.body.appendChild(element);
    await fixture.whenStable();

    const input = element.querySelector<HTMLInputElement>('#agent-email');
    if (!input) {
      throw new Error('no e-mail field');
    }
    input.value = 'agent-valdoise';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    expect(api.inviteAgent).not.toHaveBeenCalled();
    const summary = element.querySelector<HTMLElement>('.error-summary');
    expect(summary?.querySelector('a')?.textContent?.replace(/[ \n]+/g, ' ').trim()).toBe(
      'Adresse électronique\u00a0: Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.',
    );
    expect(document.activeElement).toBe(summary);
    summary?.querySelector('a')?.click();
    expect(document.activeElement).toBe(input);
  });

  describe('deletion at the person’s request', () => {
    let staff: { listAgents: jest.Mock };
    let deletions: { requestFor: jest.Mock; cancelFor: jest.Mock };
    let dialog: { open: jest.Mock };

    async function render(agents: AgentDto[]) {
      const fixture = TestBed.configureTestingModule({
        imports: [AgentsPanel],
        providers: [
          { provide: StaffApi, useValue: staff },
          { provide: AccountDeletionApi, useValue: deletions },
          { provide: MatDialog, useValue: dialog },
        ],
      }).createComponent(AgentsPanel);
      fixture.componentRef.setInput('departementCode', '95');
      fixture.componentRef.setInput('currentUserId', 'me');
      staff.listAgents.mockReturnValue(of({ items: agents, total: agents.length, limit: 100, offset: 0 }));
      const element = fixture.nativeElement as HTMLElement;
      document.body.appendChild(element);
      await fixture.whenStable();
      const buttons = (row: number) => Array.from(element.querySelectorAll('.row')[row].querySelectorAll('button')).map((b) => plain(b.textContent));
      return { fixture, element, buttons };
    }

    beforeEach(() => {
      staff = { listAgents: jest.fn() };
      deletions = { requestFor: jest.fn(), cancelFor: jest.fn().mockReturnValue(of(undefined)) };
      dialog = { open: jest.fn() };
    });

    it('offers the deletion on others’ accounts only, and shows a pending one with its cancellation', async () => {
      const { element, buttons } = await render([
        anAgent({ id: 'me', email: 'moi@valdoise.example', displayName: 'Moi', role: 'ADMIN' }),
        anAgent({}),
        anAgent({ id: 'a2', email: 'paul@valdoise.example', displayName: 'Paul', status: 'DISABLED', deletionDueAt: '2026-04-13T09:00:00Z' }),
      ]);
      expect(buttons(0)).toEqual([]);
      expect(buttons(1)).toEqual(['Désactiver', 'Supprimer le compte (à la demande de la personne)']);
      expect(buttons(2)).toEqual(['Annuler la suppression']);
      expect(plain(element.querySelectorAll('.row')[2].textContent)).toContain('Suppression prévue le 13/04/2026');
      const remove = element.querySelectorAll('.row')[1].querySelectorAll('button')[1];
      expect(remove.getAttribute('aria-label')).toBe('Supprimer le compte (à la demande de la personne) de Claire Agent');
    });

    it('asks for the reason in the dialog, sends it for this account, and says when it will be deleted', async () => {
      const deletion = { userId: 'a1', requestedAt: '2026-03-14T09:00:00Z', dueAt: '2026-04-13T09:00:00Z', requestedBy: 'ADMIN' };
      dialog.open.mockImplementation((_component: unknown, config: { data: { submit: (reason: string) => unknown } }) => {
        config.data.submit('Demande écrite du 3 mars');
        return { afterClosed: () => of(deletion) };
      });
      deletions.requestFor.mockReturnValue(of(deletion));
      const { fixture, element } = await render([anAgent({})]);
      element.querySelectorAll<HTMLButtonElement>('.row button')[1].click();
      await fixture.whenStable();
      expect(dialog.open.mock.calls[0][0]).toBe(AccountDeletionDialog);
      expect(dialog.open.mock.calls[0][1].data).toMatchObject({ name: 'Claire Agent', keptAs: 'Ancien agent du département' });
      expect(deletions.requestFor).toHaveBeenCalledWith('a1', 'Demande écrite du 3 mars');
      expect(plain(element.querySelector('.notice')?.textContent)).toBe('Le compte de Claire Agent est désactivé ; il sera supprimé le 13/04/2026.');
      expect(staff.listAgents).toHaveBeenCalledTimes(2);
    });

    it('cancels a pending deletion after a confirmation', async () => {
      dialog.open.mockReturnValue({ afterClosed: () => of(true) });
      const { fixture, element } = await render([anAgent({ status: 'DISABLED', deletionDueAt: '2026-04-13T09:00:00Z' })]);
      element.querySelector<HTMLButtonElement>('.row button')?.click();
      await fixture.whenStable();
      expect(deletions.cancelFor).toHaveBeenCalledWith('a1');
      expect(plain(element.querySelector('.notice')?.textContent)).toBe('La suppression du compte de Claire Agent est annulée.');
    });
  });
});
