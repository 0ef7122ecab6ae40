import { TestBed } from '@angular/core/testing';
import type { MemberDto } from '@passerelle/shared/dto';
import { TeamMemberList } from './team-member-list';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

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

const MEMBERS = [
  member({ id: 'mayor', role: 'MAYOR', email: 'maire@ableiges.fr', displayName: 'Jeanne Martin' }),
  member({ id: 'col', email: 'paul@ableiges.fr', displayName: 'Paul Durand', deletionDueAt: '2026-04-13T09:00:00Z' }),
  member({ id: 'inv', status: 'PENDING', email: 'nouveau@ableiges.fr' }),
];

describe(TeamMemberList.name, () => {
  async function render(inputs: { deletable?: boolean; manageable?: boolean }) {
    const fixture = TestBed.configureTestingModule({ imports: [TeamMemberList] }).createComponent(TeamMemberList);
    fixture.componentRef.setInput('members', MEMBERS);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const rows = Array.from(element.querySelectorAll('li.member'));
    const buttons = (row: number) => Array.from(rows[row].querySelectorAll('button')).map((b) => plain(b.textContent));
    return { fixture, element, rows, buttons };
  }

  it('shows a pending deletion to everyone, without the admins’ actions', async () => {
    const { rows, buttons } = await render({ manageable: true });
    expect(plain(rows[1].textContent)).toContain('Suppression prévue le 13/04/2026');
    expect(plain(rows[0].textContent)).not.toContain('Suppression prévue');
    expect(buttons(0)).toEqual([]);
    expect(buttons(1)).toEqual(['Retirer']);
  });

  it('gives a département admin the deletion of each member’s account, or its cancellation', async () => {
    const { fixture, rows, buttons } = await render({ deletable: true });
    expect(buttons(0)).toEqual(['Supprimer le compte (à la demande de la personne)']);
    expect(buttons(1)).toEqual(['Annuler la suppression']);
    // A pending invitation is no account yet.
    expect(buttons(2)).toEqual([]);

    const requested: MemberDto[] = [];
    const cancelled: MemberDto[] = [];
    fixture.componentInstance.deletionRequested.subscribe((m) => requested.push(m));
    fixture.componentInstance.deletionCancelRequested.subscribe((m) => cancelled.push(m));
    const remove = rows[0].querySelector('button') as HTMLButtonElement;
    expect(remove.getAttribute('aria-label')).toBe('Supprimer le compte (à la demande de la personne) de Jeanne Martin');
    remove.click();
    rows[1].querySelector('button')?.click();
    expect(requested.map((m) => m.id)).toEqual(['mayor']);
    expect(cancelled.map((m) => m.id)).toEqual(['col']);
  });
});
