import { DomainException } from '../common/exceptions/domain.exception';

export type PublicPortalErrorCode = 'PROJECT_NOT_FOUND' | 'DOCUMENT_NOT_FOUND' | 'DEPT_PROJECT_NOT_FOUND' | 'PHOTO_NOT_FOUND' | 'DEPARTEMENT_NOT_FOUND';

const MESSAGES: Record<PublicPortalErrorCode, string> = {
  PROJECT_NOT_FOUND: 'Ce projet n’est pas publié, ou ne l’est plus. Retrouvez les projets publiés sur la carte ou par la recherche.',
  DOCUMENT_NOT_FOUND: 'Ce document n’est pas public.',
  DEPT_PROJECT_NOT_FOUND: 'Ce projet du Département n’est pas publié, ou ne l’est plus. Retrouvez les projets sur la carte ou par la recherche.',
  PHOTO_NOT_FOUND: 'Cette photo n’est pas publique.',
  DEPARTEMENT_NOT_FOUND: 'Ce département n’est pas sur Passerelle.',
};

/** The public side knows only published projects: anything else is "not found", never "forbidden". */
export class PublicPortalException extends DomainException {
  constructor(code: PublicPortalErrorCode) {
    super(`PUBLIC_${code}`, 'NOT_FOUND', MESSAGES[code]);
  }
}
