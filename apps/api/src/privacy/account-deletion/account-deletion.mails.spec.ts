import { DELETED_AGENT_LABEL, DELETED_MEMBER_LABEL } from '@passerelle/shared/dto';
import { deletedLabel, deletionRequestedMail } from './account-deletion.mails';

describe(deletionRequestedMail.name, () => {
  const base = { to: 'a@b.example', role: 'COLLABORATOR' as const, dueAt: new Date('2027-01-05T23:30:00Z'), byAdmin: false, signInUrl: 'https://p.example/connexion' };

  it('gives the day in Paris and tells how to cancel by signing in', () => {
    const mail = deletionRequestedMail({ ...base, cancellableBySigningIn: true });
    expect(mail.subject).toBe('Suppression de votre compte Passerelle');
    expect(mail.text).toContain('Votre compte sera supprimé le mercredi 6 janvier 2027.');
    expect(mail.text).toContain('Pour annuler, reconnectez-vous avant cette date');
    expect(mail.text).toContain(`« ${DELETED_MEMBER_LABEL} »`);
    expect(mail.html).toContain('Me reconnecter et garder mon compte');
  });

  it('sends a person whose account an admin disabled to the département instead', () => {
    const mail = deletionRequestedMail({ ...base, role: 'AGENT', byAdmin: true, cancellableBySigningIn: false });
    expect(mail.text).toContain('À votre demande, le département a demandé la suppression');
    expect(mail.text).toContain('Pour annuler, adressez-vous au département avant cette date.');
    expect(mail.text).not.toContain('reconnectez-vous');
    expect(mail.text).toContain(`« ${DELETED_AGENT_LABEL} »`);
  });
});

describe(deletedLabel.name, () => {
  it('names staff and commune members apart', () => {
    expect(['ADMIN', 'AGENT', 'MAYOR', 'COLLABORATOR'].map((r) => deletedLabel(r as 'ADMIN'))).toEqual([
      DELETED_AGENT_LABEL,
      DELETED_AGENT_LABEL,
      DELETED_MEMBER_LABEL,
      DELETED_MEMBER_LABEL,
    ]);
  });
});
