import { NEWSLETTER_FREQUENCY_LABELS, type NewsletterFrequency } from '@passerelle/shared/dto';
import type { Mail } from '../mail/mail.service';
import { escapeHtml, mailLayout } from '../mail/templates/mails';

/** The confirmation asked by a subscription (double opt-in): nothing is stored until its link is followed. */
export function confirmationMail(input: { to: string; url: string; scopeLabel: string; frequency: NewsletterFrequency; expiresAt: Date }): Mail {
  const expires = input.expiresAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  const paragraphs = [
    `Vous avez demandé à recevoir la lettre des projets publiés : ${input.scopeLabel}, ${NEWSLETTER_FREQUENCY_LABELS[input.frequency].toLowerCase()}.`,
    `Pour confirmer votre abonnement, suivez ce lien avant le ${expires} :`,
  ];
  const footer =
    'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : sans confirmation, votre adresse n’est pas conservée et vous ne recevrez rien.';
  return {
    kind: 'OTHER',
    to: input.to,
    subject: 'Confirmez votre abonnement à la lettre des projets',
    text: `${paragraphs.join('\n\n')}\n\n${input.url}\n\n${footer}\n`,
    html: mailLayout('Confirmez votre abonnement', paragraphs, { label: 'Confirmer mon abonnement', url: input.url }, footer),
  };
}

export interface DigestItem {
  title: string;
  /** « Commune de Vétheuil », « Compte rendu du 12 mars 2025 — avancement 40 % ». */
  context: string;
  excerpt: string;
  url: string;
}

export interface DigestInput {
  to: string;
  departementName: string;
  scopeLabel: string;
  frequency: NewsletterFrequency;
  publications: DigestItem[];
  reports: DigestItem[];
  /** The page of the web app that unsubscribes (shown in the mail). */
  unsubscribePage: string;
  /** The API's one-click address (RFC 8058), for mail clients. */
  unsubscribeOneClick: string;
}

/** One digest: the communes' new projects and the département's progress reports, with a one-click unsubscribe. */
export function digestMail(input: DigestInput): Mail {
  const count = input.publications.length + input.reports.length;
  const period = input.frequency === 'WEEKLY' ? 'de la semaine' : 'du mois';
  const subject = `Les projets ${period} : ${count} nouveauté${count > 1 ? 's' : ''} (${input.scopeLabel})`;
  const sections = [
    { title: 'Nouveaux projets des communes', items: input.publications },
    { title: 'Avancement des projets du Département', items: input.reports },
  ].filter((s) => s.items.length > 0);
  const footer = `Vous recevez cette lettre car vous vous y êtes abonné (${input.scopeLabel}, ${NEWSLETTER_FREQUENCY_LABELS[input.frequency].toLowerCase()}). Seule votre adresse électronique est conservée. Pour vous désabonner : ${input.unsubscribePage}`;
  const text = sections
    .map((s) => `${s.title}\n\n${s.items.map((i) => `- ${i.title} (${i.context})${i.excerpt ? `\n  ${i.excerpt}` : ''}\n  ${i.url}`).join('\n\n')}`)
    .join('\n\n');
  const html = `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1b1b1f;max-width:560px">
<h1 style="font-size:1.25rem">${escapeHtml(`Les projets ${period} — ${input.departementName}`)}</h1>
<p>${escapeHtml(input.scopeLabel)}</p>
${sections
  .map(
    (s) => `<h2 style="font-size:1.05rem;margin-top:1.5rem">${escapeHtml(s.title)}</h2>
<ul style="padding-left:1.1rem">${s.items
      .map(
        (i) =>
          `<li style="margin-bottom:.75rem"><a href="${escapeHtml(i.url)}">${escapeHtml(i.title)}</a><br><span style="color:#444">${escapeHtml(i.context)}</span>${
            i.excerpt ? `<br>${escapeHtml(i.excerpt)}` : ''
          }</li>`,
      )
      .join('')}</ul>`,
  )
  .join('\n')}
<p style="font-size:.875rem;color:#555">${escapeHtml(footer.replace(input.unsubscribePage, ''))}<a href="${escapeHtml(input.unsubscribePage)}">se désabonner</a>.</p>
</body></html>`;
  return {
    kind: 'DIGEST',
    to: input.to,
    subject,
    text: `${subject}\n\n${text}\n\n${footer}\n`,
    html,
    headers: {
      'List-Unsubscribe': `<${input.unsubscribeOneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** A text cut to about `max` characters on a word, with an ellipsis. */
export function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) {
    return flat;
  }
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)).trimEnd()}…`;
}
