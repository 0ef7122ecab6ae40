import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type TerritoryErrorCode = 'DEPARTEMENT_NOT_FOUND' | 'COMMUNE_NOT_FOUND' | 'DEPARTEMENT_UNKNOWN_IN_SOURCE';

export class TerritoryException extends DomainException {
  constructor(code: TerritoryErrorCode, subject: string) {
    const { kind, message } = describe(code, subject);
    super(code, kind, message);
  }
}

function describe(code: TerritoryErrorCode, subject: string): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'DEPARTEMENT_NOT_FOUND':
      return {
        kind: 'NOT_FOUND',
        message: `Le département « ${subject} » n’est pas géré par Passerelle. Vérifiez son code (par exemple 95 pour le Val-d’Oise).`,
      };
    case 'COMMUNE_NOT_FOUND':
      return {
        kind: 'NOT_FOUND',
        message: `Aucune commune ne porte le code INSEE « ${subject} ». Vérifiez le code (5 caractères, par exemple 95002).`,
      };
    case 'DEPARTEMENT_UNKNOWN_IN_SOURCE':
      return {
        kind: 'INVALID',
        message: `Le code « ${subject} » ne correspond à aucun département du découpage administratif.`,
      };
  }
}
