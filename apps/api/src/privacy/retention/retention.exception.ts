import { DomainException, type ErrorKind } from '../../common/exceptions/domain.exception';

export type RetentionErrorCode = 'RUN_IN_PROGRESS';

export class RetentionException extends DomainException {
  constructor(code: RetentionErrorCode) {
    const { kind, message } = describe(code);
    super(code, kind, message);
  }
}

function describe(code: RetentionErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'RUN_IN_PROGRESS':
      return { kind: 'CONFLICT', message: 'Les durées de conservation sont déjà en cours d’application : réessayez dans quelques minutes.' };
  }
}
