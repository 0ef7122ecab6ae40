import type { InvitationDto } from '@passerelle/shared/dto';
import { invitationText } from './invitation-page';

const invitation: InvitationDto = {
  email: 'secretariat@mairie.example',
  role: 'COLLABORATOR',
  invitedBy: 'Jeanne Martin',
  commune: { insee: '95002', name: 'Ableiges' },
  departement: { code: '95', name: 'Val-d’Oise' },
  expiresAt: '2026-12-20T10:00:00Z',
};

describe('invitationText', () => {
  it('names the commune as French does: « d’Ableiges », « du Heaulme »', () => {
    expect(invitationText(invitation)).toBe(
      'Jeanne Martin vous invite à rejoindre l’espace de la commune d’Ableiges sur Passerelle, en tant que collaborateur.',
    );
    expect(invitationText({ ...invitation, commune: { insee: '95303', name: 'Le Heaulme' } })).toContain(
      'l’espace de la commune du Heaulme sur Passerelle',
    );
  });
});
