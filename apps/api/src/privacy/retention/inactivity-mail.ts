import type { Mail } from '../../mail/mail.service';
import { mailLayout } from '../../mail/templates/mails';

export interface InactivityMailInput {
  to: string;
  displayName: string;
  /** 1: the first warning (30 days before), 2: the last one (7 days before). */
  warning: 1 | 2;
  /** The day the account is deleted at the earliest (by the night's run after it), unless someone signs in. */
  deletionAt: Date;
  /** An account an admin disabled cannot sign in: its owner is told to ask the département. */
  disabled: boolean;
  signInUrl: string;
  inactiveDays: number;
}

function frenchDay(at: Date): string {
  return at.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** How long, in French: "2 ans", "18 mois", "90 jours". */
export function frenchPeriod(days: number): string {
  if (days % 365 === 0) {
    return days === 365 ? '1 an' : `${days / 365} ans`;
  }
  if (days % 30 === 0) {
    return `${days / 30} mois`;
  }
  return `${days} jours`;
}

/** To the owner of an account nobody signed in to for long: it will be deleted on that day unless they sign in. */
export function inactivityWarningMail(input: InactivityMailInput): Mail {
  const day = frenchDay(input.deletionAt);
  const period = frenchPeriod(input.inactiveDays);
  const paragraphs = [
    `Bonjour ${input.displayName},`,
    `Votre compte Passerelle n’a pas servi depuis longtemps. Les données personnelles ne sont gardées que tant qu’elles servent : un compte sans connexion depuis ${period} est supprimé.`,
    `Votre compte sera supprimé à partir du ${day}.`,
    input.disabled
      ? 'Votre compte a été désactivé par le département : si vous en avez encore besoin, demandez au département de le réactiver avant cette date.'
      : 'Pour garder votre compte, il suffit de vous connecter avant cette date.',
    'À la suppression, votre nom, votre adresse et vos réglages sont effacés. Les messages et documents que la commune ou le département doivent garder restent, signés « Ancien membre de la commune » ou « Ancien agent du département ».',
  ];
  const footer =
    input.warning === 1
      ? 'Vous recevrez un dernier rappel une semaine avant la suppression. Si vous n’avez plus besoin de ce compte, vous n’avez rien à faire.'
      : 'C’est le dernier rappel. Si vous n’avez plus besoin de ce compte, vous n’avez rien à faire.';
  const subject = input.warning === 1 ? 'Votre compte Passerelle inactif sera supprimé' : 'Dernier rappel : votre compte Passerelle sera supprimé';
  return {
    to: input.to,
    subject,
    text: `${paragraphs.join('\n\n')}\n\nVous connecter : ${input.signInUrl}\n\n${footer}\n`,
    html: mailLayout(subject, paragraphs, { label: input.disabled ? 'Aller sur Passerelle' : 'Me connecter et garder mon compte', url: input.signInUrl }, footer),
  };
}
