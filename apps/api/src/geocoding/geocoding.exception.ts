import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type GeocodingErrorCode = 'GEOCODER_UNAVAILABLE';

export class GeocodingException extends DomainException {
  constructor(code: GeocodingErrorCode) {
    const { kind, message } = describe(code);
    super(code, kind, message);
  }
}

function describe(code: GeocodingErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'GEOCODER_UNAVAILABLE':
      return {
        kind: 'UNAVAILABLE',
        message: 'La recherche d’adresse est indisponible : placez le projet sur la carte ou utilisez « Centre du village ».',
      };
  }
}
