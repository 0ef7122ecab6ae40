import { DomainException } from '../common/exceptions/domain.exception';

export type IndicatorsErrorCode = 'DEPARTEMENT_NOT_FOUND';

export class IndicatorsException extends DomainException {
  constructor(code: IndicatorsErrorCode) {
    super(code, 'NOT_FOUND', 'Ce département est introuvable.');
  }
}
