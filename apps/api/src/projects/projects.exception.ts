import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type ProjectsErrorCode = 'PROJECT_NOT_FOUND' | 'DEPARTEMENT_NOT_FOUND' | 'READ_ONLY' | 'MAYOR_ONLY';

export class ProjectsException extends DomainException {
  constructor(code: ProjectsErrorCode) {
    const { kind, message } = describe(code);
    super(code, kind, message);
  }
}

function describe(code: ProjectsErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'PROJECT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce projet est introuvable (il a peut-être été supprimé).' };
    case 'DEPARTEMENT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce département est introuvable.' };
    case 'READ_ONLY':
      return {
        kind: 'FORBIDDEN',
        message: 'Les projets sont rédigés par la commune : le département les consulte sans pouvoir les modifier.',
      };
    case 'MAYOR_ONLY':
      return { kind: 'FORBIDDEN', message: 'Seul le maire peut supprimer un projet.' };
  }
}

/** 409 with the fiche as it is now: the form keeps what the user typed and shows what changed. */
export class ProjectVersionConflictException extends DomainException {
  constructor(current: unknown) {
    super(
      'PROJECT_VERSION_CONFLICT',
      'CONFLICT',
      'Quelqu’un a enregistré cette fiche pendant que vous la modifiiez. Vos saisies sont conservées : vérifiez les champs signalés puis enregistrez à nouveau.',
      undefined,
      { current },
    );
  }
}
