import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type PublicationErrorCode = 'NOT_COMPLETED' | 'TRANSITION_FORBIDDEN' | 'MAYOR_ONLY' | 'COMMUNE_MEMBERS_ONLY' | 'STAFF_ONLY' | 'NOTHING_TO_REVIEW';

export class PublicationException extends DomainException {
  constructor(code: PublicationErrorCode) {
    const { kind, message } = describe(code);
    super(`PUBLICATION_${code}`, kind, message);
  }
}

function describe(code: PublicationErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'NOT_COMPLETED':
      return { kind: 'CONFLICT', message: 'Seuls les projets réalisés peuvent être publiés : passez d’abord le projet à l’état « Réalisé ».' };
    case 'TRANSITION_FORBIDDEN':
      return { kind: 'CONFLICT', message: 'Cette action n’est pas possible dans l’état actuel de la publication. Rechargez la page.' };
    case 'MAYOR_ONLY':
      return { kind: 'FORBIDDEN', message: 'Seul le maire peut donner ou retirer l’accord de publication.' };
    case 'COMMUNE_MEMBERS_ONLY':
      return { kind: 'FORBIDDEN', message: 'Seuls le maire et les collaborateurs de la commune peuvent demander la publication.' };
    case 'STAFF_ONLY':
      return { kind: 'FORBIDDEN', message: 'Seuls les agents du département relisent et publient les projets.' };
    case 'NOTHING_TO_REVIEW':
      return { kind: 'CONFLICT', message: 'La version publiée est déjà la dernière : rien de nouveau à faire relire.' };
  }
}

/**
 * 409 when an approval (or the mayor's consent) names a preview that is no longer what would go online: the body's
 * `current` is the preview as it is now, with its `version`, so the page shows it at once.
 */
export class PublicationStalePreviewException extends DomainException {
  constructor(current: unknown) {
    super(
      'PUBLICATION_STALE_PREVIEW',
      'CONFLICT',
      'La fiche a changé depuis votre lecture : voici la version actuelle. Relisez-la avant de décider.',
      undefined,
      { current },
    );
  }
}
