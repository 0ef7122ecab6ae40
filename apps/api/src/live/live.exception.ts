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

/** This instance holds as many streams as it is set to (`LIVE_MAX_STREAMS`): the client tries again later. */
export class InstanceFullException extends DomainException {
  constructor() {
    super(
      'LIVE_INSTANCE_FULL',
      'UNAVAILABLE',
      'Le suivi en direct est momentanément complet : la page ne se met plus à jour seule, rechargez-la pour voir les nouveautés.',
      undefined,
      { retryAfterSeconds: 30 },
    );
  }
}
