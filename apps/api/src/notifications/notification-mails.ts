import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '@passerelle/shared/dto';
import type { Mail } from '../mail/mail.service';
import { escapeHtml, mailLayout } from '../mail/templates/mails';

export interface MailedNotification {
  kind: NotificationKind;
  title: string;
  excerpt: string;
  /** Absolute address of the thread in the web app. */
  url: string;
  threadId: string | null;
  createdAt: Date;
}

export interface Recipient {
  email: string;
  /** The page that turns off the e-mails of one kind (also given to mail clients as `List-Unsubscribe`, RFC 2369). */
  unsubscribe(kind: NotificationKind): string;
  /** The account page where every kind is set. */
  preferencesUrl: string;
}

/** One notification, sent at once. Only public content: titles and excerpts never come from internal notes. */
export function notificationMail(recipient: Recipient, item: MailedNotification): Mail {
  const paragraphs = item.excerpt ? [`« ${item.excerpt} »`] : [];
  const link = recipient.unsubscribe(item.kind);
  const footer = `Vous recevez ce courriel car les notifications « ${NOTIFICATION_KIND_LABELS[item.kind]} » vous sont envoyées une à une. Pour ne plus les recevoir : ${link} — pour tout régler : ${recipient.preferencesUrl}`;
  return {
    to: recipient.email,
    subject: `Passerelle : ${item.title}`,
    text: `${item.title}\n\n${paragraphs.join('\n\n')}\n\n${openLabel(item)} : ${item.url}\n\n${footer}\n`,
    html: mailLayout(item.title, paragraphs, { label: openLabel(item), url: item.url }, footer),
    headers: { 'List-Unsubscribe': `<${link}>` },
  };
}

/** The day's notifications of one user, grouped by thread (oldest thread first, each with its events in order). */
export function digestMail(recipient: Recipient, items: MailedNotification[]): Mail {
  const groups = new Map<string, MailedNotification[]>();
  for (const item of [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const key = item.threadId ?? item.url;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const count = items.length;
  const subject = `Passerelle : ${count} nouveauté${count > 1 ? 's' : ''} sur ${groups.size} question${groups.size > 1 ? 's' : ''}`;
  const time = (d: Date) => d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', hour: '2-digit', minute: '2-digit' });
  const sections = [...groups.values()];
  const text = sections
    .map((group) => `${group.map((i) => `- ${time(i.createdAt)} : ${i.title}${i.excerpt ? `\n  « ${i.excerpt} »` : ''}`).join('\n')}\n  ${group[0].url}`)
    .join('\n\n');
  const kinds = [...new Set(items.map((i) => i.kind))];
  const footer = `Ce récapitulatif part chaque matin. Pour ne plus recevoir ${kinds
    .map((k) => `« ${NOTIFICATION_KIND_LABELS[k]} » : ${recipient.unsubscribe(k)}`)
    .join(' ; ')} — pour tout régler : ${recipient.preferencesUrl}`;
  const html = `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1b1b1f;max-width:560px">
<h1 style="font-size:1.25rem">${escapeHtml(subject.replace('Passerelle : ', 'Votre récapitulatif : '))}</h1>
${sections
  .map(
    (group) => `<div style="margin:0 0 1.25rem">
<ul style="padding-left:1.1rem;margin:0 0 .25rem">${group
      .map((i) => `<li>${escapeHtml(time(i.createdAt))} : ${escapeHtml(i.title)}${i.excerpt ? `<br><span style="color:#444">« ${escapeHtml(i.excerpt)} »</span>` : ''}</li>`)
      .join('')}</ul>
<a href="${escapeHtml(group[0].url)}">${escapeHtml(openLabel(group[0]))}</a></div>`,
  )
  .join('\n')}
<p style="font-size:.875rem;color:#555">${escapeHtml(footer)}</p>
</body></html>`;
  return { to: recipient.email, subject, text: `${subject}\n\n${text}\n\n${footer}\n`, html };
}

function openLabel(item: MailedNotification): string {
  if (item.kind === 'DATA_EXPORT_READY') {
    return 'Ouvrir mon compte';
  }
  return item.threadId ? 'Ouvrir la question' : 'Ouvrir le projet';
}
