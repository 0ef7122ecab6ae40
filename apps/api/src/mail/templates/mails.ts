import type { Mail } from '../mail.service';

/** Values inserted into HTML are escaped: names and commune names come from users and data sources. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function mailLayout(title: string, paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  return `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1b1b1f;max-width:560px">
<h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:.6rem 1rem;background:#0b57d0;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(action.label)}</a></p>
<p style="font-size:.875rem;color:#555">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br>${escapeHtml(action.url)}</p>
<p style="font-size:.875rem;color:#555">${escapeHtml(footer)}</p>
</body></html>`;
}

export interface InvitationMailInput {
  to: string;
  url: string;
  /** e.g. "collaborateur de la commune d’Ableiges", "agent du département du Val-d’Oise". */
  what: string;
  invitedBy: string | null;
  expiresAt: Date;
}

export function invitationMail(input: InvitationMailInput): Mail {
  const expires = input.expiresAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
  const who = input.invitedBy ? `${input.invitedBy} vous invite` : 'Vous êtes invité(e)';
  const paragraphs = [
    `${who} à rejoindre Passerelle en tant que ${input.what}.`,
    'Passerelle est l’espace où les communes et le département suivent ensemble leurs projets et leurs questions.',
    `Pour accepter, choisissez votre nom et votre mot de passe avant le ${expires} :`,
  ];
  const footer = 'Ce lien ne sert qu’une fois. Si vous n’attendiez pas cette invitation, ignorez ce message.';
  return {
    kind: 'INVITATION',
    to: input.to,
    subject: 'Invitation à rejoindre Passerelle',
    text: `${paragraphs.join('\n\n')}\n\n${input.url}\n\n${footer}\n`,
    html: mailLayout('Invitation à rejoindre Passerelle', paragraphs, { label: 'Accepter l’invitation', url: input.url }, footer),
  };
}

export function passwordResetMail(to: string, url: string): Mail {
  const paragraphs = [
    'Vous avez demandé à changer le mot de passe de votre compte Passerelle.',
    'Ce lien est valable une heure et ne sert qu’une fois :',
  ];
  const footer =
    'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.';
  return {
    kind: 'PASSWORD_RESET',
    to,
    subject: 'Changer votre mot de passe Passerelle',
    text: `${paragraphs.join('\n\n')}\n\n${url}\n\n${footer}\n`,
    html: mailLayout('Changer votre mot de passe', paragraphs, { label: 'Choisir un nouveau mot de passe', url }, footer),
  };
}

/** To the owner of an account whose sign-in was just suspended after too many failed attempts. */
export function accountLockedMail(to: string, input: { minutes: number; resetUrl: string }): Mail {
  const duration = input.minutes > 1 ? `${input.minutes} minutes` : '1 minute';
  const paragraphs = [
    'Plusieurs tentatives de connexion à votre compte Passerelle viennent d’échouer (mot de passe ou code de double authentification incorrect).',
    `Par sécurité, la connexion à votre compte est suspendue pendant ${duration}. Passé ce délai, vous pourrez vous reconnecter normalement.`,
    'Si c’était vous, vous pouvez aussi choisir dès maintenant un nouveau mot de passe : cela lève la suspension.',
    'Si ce n’était pas vous, quelqu’un essaie peut-être de deviner votre mot de passe : choisissez-en un nouveau, long et que vous n’utilisez nulle part ailleurs.',
  ];
  const footer = 'Vous recevez ce message parce que votre adresse est celle d’un compte Passerelle. Aucune action n’est nécessaire si vous vous reconnectez après le délai.';
  return {
    to,
    subject: 'Connexion à votre compte Passerelle suspendue',
    text: `${paragraphs.join('\n\n')}\n\nChoisir un nouveau mot de passe : ${input.resetUrl}\n\n${footer}\n`,
    html: mailLayout('Connexion à votre compte suspendue', paragraphs, { label: 'Choisir un nouveau mot de passe', url: input.resetUrl }, footer),
  };
}

/**
 * Instead of an invitation, to an address that already has an account elsewhere (another commune, another
 * département): one address, one account. The inviter's answer does not tell them this.
 */
export function invitationNotPossibleMail(input: { to: string; what: string; invitedBy: string | null; signInUrl: string }): Mail {
  const who = input.invitedBy ? `${input.invitedBy} a voulu vous inviter` : 'Quelqu’un a voulu vous inviter';
  const paragraphs = [
    `${who} à rejoindre Passerelle en tant que ${input.what}.`,
    'Votre adresse électronique est déjà celle d’un compte Passerelle, rattaché à une autre commune ou à un autre département. Une adresse ne peut avoir qu’un seul compte : vous ne pouvez donc pas rejoindre cet espace avec cette adresse.',
    'Si vous devez rejoindre cet espace, demandez à la personne qui vous invite d’utiliser une autre de vos adresses, ou demandez au département de changer le rattachement de votre compte.',
  ];
  const footer = 'Votre compte actuel n’est pas modifié. Si vous n’attendiez pas cette invitation, ignorez ce message.';
  return {
    kind: 'INVITATION',
    to: input.to,
    subject: 'Invitation à Passerelle : vous avez déjà un compte',
    text: `${paragraphs.join('\n\n')}\n\nVous connecter à votre compte : ${input.signInUrl}\n\n${footer}\n`,
    html: mailLayout('Vous avez déjà un compte Passerelle', paragraphs, { label: 'Me connecter à mon compte', url: input.signInUrl }, footer),
  };
}
