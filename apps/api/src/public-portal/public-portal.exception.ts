import { DomainException } from '../common/exceptions/domain.exception';

export type PublicPortalErrorCode = 'PROJECT_NOT_FOUND' | 'DOCUMENT_NOT_FOUND';

/** The public side knows only published projects: anything else is "not found", never "forbidden". */
export class PublicPortalException extends DomainException {
  constructor(code: PublicPortalErrorCode) {
    super(
      `PUBLIC_${code}`,
      'NOT_FOUND',
      code === 'PROJECT_NOT_FOUND'
        ? 'Ce projet n’est pas publié, ou ne l’est plus. Retrouvez les projets publiés sur la carte ou par la recherche.'
        : 'Ce document n’est pas public.',
    );
  }
}
