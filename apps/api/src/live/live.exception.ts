import { DomainException } from '../common/exceptions/domain.exception';

export class TooManyStreamsException extends DomainException {
  constructor() {
    super(
      'LIVE_TOO_MANY_STREAMS',
      'RATE_LIMITED',
      'Trop d’onglets suivent les nouveautés en même temps : fermez-en quelques-uns, la page se mettra à jour.',
    );
  }
}
