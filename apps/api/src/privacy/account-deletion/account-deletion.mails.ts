import { DELETED_AGENT_LABEL, DELETED_MEMBER_LABEL, type Role } from '@passerelle/shared/dto';
import type { Mail } from '../../mail/mail.service';
import { mailLayout } from '../../mail/templates/mails';

/** « mardi 6 janvier 2026 », in Paris. */
export function frenchDay(at: Date): string {
  return at.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** What the account's writings will be signed with once it is deleted. */
export function deletedLabel(role: Role): string {
  return role === 'ADMIN' || role === 'AGENT' ? DELETED_AGENT_LABEL : DELETED_MEMBER_LABEL;
}

export interface DeletionRequestedMailInput {
  to: string;
  role: Role;
  dueAt: Date;
  /** Asked by a département admin on the person's request, rather than by the person. */
  byAdmin: boolean;
  /** An account an admin also disabled cannot sign in: its owner is told to ask the département instead. */
  cancellableBySigningIn: boolean;
  signInUrl: string;
}

/** To the owner of an account whose deletion was just asked: when, what stays, how to cancel. */
export function deletionRequestedMail(input: DeletionRequestedMailInput): Mail {
  const day = frenchDay(input.dueAt);
  const subject = 'Suppression de votre compte Passerelle';
  const paragraphs = [
    input.byAdmin
      ? 'À votre demande, le département a demandé la suppression de votre compte Passerelle. Votre compte est désactivé dès maintenant.'
      : 'Vous avez demandé la suppression de votre compte Passerelle. Votre compte est désactivé dès maintenant.',
    `Votre compte sera supprimé le ${day}.`,
    input.cancellableBySigningIn
      ? 'Pour annuler, reconnectez-vous avant cette date : votre compte redeviendra actif, tel que vous l’avez laissé.'
      : 'Pour annuler, adressez-vous au département avant cette date.',
    `À la suppression, votre nom, votre adresse électronique, votre mot de passe, votre double authentification, vos réglages et vos notifications sont effacés. ` +
      `Les messages, documents et historiques que la commune ou le département doivent garder restent, signés « ${deletedLabel(input.role)} ».`,
  ];
  const footer = input.cancellableBySigningIn
    ? 'Si vous n’êtes pas à l’origine de cette demande, reconnectez-vous avant cette date puis changez votre mot de passe.'
    : 'Si vous n’êtes pas à l’origine de cette demande, prévenez le département.';
  return {
    to: input.to,
    subject,
    text: `${paragraphs.join('\n\n')}\n\nVous reconnecter : ${input.signInUrl}\n\n${footer}\n`,
    html: mailLayout(subject, paragraphs, { label: input.cancellableBySigningIn ? 'Me reconnecter et garder mon compte' : 'Aller sur Passerelle', url: input.signInUrl }, footer),
  };
}

/** To the owner of an account whose pending deletion a département admin called off. */
export function deletionCancelledMail(input: { to: string; active: boolean; signInUrl: string }): Mail {
  const subject = 'Votre compte Passerelle ne sera pas supprimé';
  const paragraphs = [
    'Le département a annulé la suppression de votre compte Passerelle.',
    input.active ? 'Votre compte est de nouveau actif : vous pouvez vous connecter comme avant.' : 'Votre compte reste désactivé : adressez-vous au département si vous en avez besoin.',
  ];
  const footer = 'Si vous souhaitez toujours que votre compte soit supprimé, demandez-le depuis « Mon compte » ou au département.';
  return {
    to: input.to,
    subject,
    text: `${paragraphs.join('\n\n')}\n\nVous connecter : ${input.signInUrl}\n\n${footer}\n`,
    html: mailLayout(subject, paragraphs, { label: 'Aller sur Passerelle', url: input.signInUrl }, footer),
  };
}
