import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type NewsletterErrorCode = 'LINK_INVALID' | 'LINK_EXPIRED' | 'SCOPE_GONE';

export class NewsletterException extends DomainException {
  constructor(code: NewsletterErrorCode) {
    const { kind, message } = describe(code);
    super(`NEWSLETTER_${code}`, kind, message);
  }
}

function describe(code: NewsletterErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'LINK_INVALID':
      return { kind: 'INVALID', message: 'Ce lien n’est pas valable : copiez-le en entier depuis le courriel reçu, ou abonnez-vous à nouveau.' };
    case 'LINK_EXPIRED':
      return { kind: 'GONE', message: 'Ce lien de confirmation a expiré : abonnez-vous à nouveau pour en recevoir un autre.' };
    case 'SCOPE_GONE':
      return { kind: 'GONE', message: 'Ce canton ou cet axe n’existe plus : abonnez-vous à nouveau en choisissant un autre thème.' };
  }
}
