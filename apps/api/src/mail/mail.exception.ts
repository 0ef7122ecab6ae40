import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type MailErrorCode = 'MAIL_NOT_FOUND';

export class MailException extends DomainException {
  constructor(code: MailErrorCode) {
    const { kind, message } = describe(code);
    super(code, kind, message);
  }
}

function describe(code: MailErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'MAIL_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce courriel est introuvable, ou il n’est plus en échec.' };
  }
}
