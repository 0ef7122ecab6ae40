import { DEPT_PROJECT_LIMITS } from '@passerelle/shared/dto';
import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type DeptProjectsErrorCode =
  | 'DEPARTEMENT_NOT_FOUND'
  | 'AXIS_NOT_FOUND'
  | 'DEPT_PROJECT_NOT_FOUND'
  | 'DEPT_REPORT_NOT_FOUND'
  | 'DEPT_PHOTO_NOT_FOUND'
  | 'AXES_ADMIN_ONLY'
  | 'AXIS_LIMIT'
  | 'AXIS_DUPLICATE'
  | 'LEAD_ADMIN_ONLY'
  | 'DELETE_ADMIN_ONLY'
  | 'PROJECT_EDIT_FORBIDDEN'
  | 'REPORT_EDIT_FORBIDDEN'
  | 'REPORT_DELETE_FORBIDDEN'
  | 'OWN_REPORT_REVIEW'
  | 'REPORT_NOT_AWAITING_REVIEW'
  | 'PHOTO_ALT_MISSING'
  | 'PHOTO_LIMIT'
  | 'PHOTO_FILE_MISSING'
  | 'PHOTO_TYPE';

/** The département's own projects, their axes, reports and photos: one code per refusal, a French message each. */
export class DeptProjectsException extends DomainException {
  constructor(code: DeptProjectsErrorCode) {
    const { kind, message } = describe(code);
    super(code, kind, message);
  }
}

function describe(code: DeptProjectsErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'DEPARTEMENT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce département est introuvable.' };
    case 'AXIS_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cet axe du programme est introuvable (il a peut-être été supprimé).' };
    case 'DEPT_PROJECT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce projet du Département est introuvable (il a peut-être été supprimé).' };
    case 'DEPT_REPORT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce point d’avancement est introuvable (il a peut-être été supprimé).' };
    case 'DEPT_PHOTO_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cette photo est introuvable (elle a peut-être été supprimée).' };
    case 'AXES_ADMIN_ONLY':
      return { kind: 'FORBIDDEN', message: 'Seuls les administrateurs du département définissent les axes du programme.' };
    case 'AXIS_LIMIT':
      return { kind: 'CONFLICT', message: `Le programme compte déjà ${DEPT_PROJECT_LIMITS.axes} axes, le maximum : regroupez ou supprimez-en un.` };
    case 'AXIS_DUPLICATE':
      return { kind: 'CONFLICT', message: 'Un axe du programme porte déjà ce nom : choisissez-en un autre.' };
    case 'LEAD_ADMIN_ONLY':
      return { kind: 'FORBIDDEN', message: 'Seul un administrateur du département peut désigner le chef de projet.' };
    case 'DELETE_ADMIN_ONLY':
      return { kind: 'FORBIDDEN', message: 'Seul un administrateur du département peut supprimer un projet du Département.' };
    case 'PROJECT_EDIT_FORBIDDEN':
      return { kind: 'FORBIDDEN', message: 'Seuls le chef de projet et les administrateurs du département modifient ce projet.' };
    case 'REPORT_EDIT_FORBIDDEN':
      return { kind: 'FORBIDDEN', message: 'Seuls l’auteur, le chef de projet et les administrateurs modifient ce point d’avancement.' };
    case 'REPORT_DELETE_FORBIDDEN':
      return {
        kind: 'FORBIDDEN',
        message: 'Un point d’avancement publié ne peut être supprimé que par un administrateur ; sinon, seuls son auteur et le chef de projet le suppriment.',
      };
    case 'OWN_REPORT_REVIEW':
      return {
        kind: 'FORBIDDEN',
        message: 'Vous ne pouvez pas relire votre propre point d’avancement : un autre agent ou un administrateur du département le fera.',
      };
    case 'REPORT_NOT_AWAITING_REVIEW':
      return { kind: 'CONFLICT', message: 'Ce point d’avancement n’attend pas de relecture (il a peut-être déjà été relu). Rechargez la page.' };
    case 'PHOTO_ALT_MISSING':
      return {
        kind: 'INVALID',
        message: 'Chaque photo doit avoir un texte alternatif (accessibilité, RGAA) avant la publication : décrivez les photos concernées.',
      };
    case 'PHOTO_LIMIT':
      return { kind: 'CONFLICT', message: `Un point d’avancement compte au plus ${DEPT_PROJECT_LIMITS.photosPerReport} photos : retirez-en une d’abord.` };
    case 'PHOTO_FILE_MISSING':
      return { kind: 'INVALID', message: 'Aucun fichier reçu : choisissez une photo à envoyer (champ « file »).' };
    case 'PHOTO_TYPE':
      return { kind: 'UNSUPPORTED_MEDIA_TYPE', message: 'Seules les photos JPEG, PNG ou WebP sont acceptées.' };
  }
}

/** 409 with the project as it is now: the form keeps what the user typed and shows what changed. */
export class DeptProjectVersionConflictException extends DomainException {
  constructor(current: unknown) {
    super(
      'DEPT_PROJECT_VERSION_CONFLICT',
      'CONFLICT',
      'Quelqu’un a enregistré ce projet pendant que vous le modifiiez. Vos saisies sont conservées : rechargez le projet, vérifiez puis enregistrez à nouveau.',
      undefined,
      { current },
    );
  }
}

/** 409 with the report as it is now (an edit or a review made on an older version). */
export class DeptReportVersionConflictException extends DomainException {
  constructor(current: unknown) {
    super(
      'DEPT_REPORT_VERSION_CONFLICT',
      'CONFLICT',
      'Ce point d’avancement a changé depuis votre lecture. Vos saisies sont conservées : rechargez-le, vérifiez puis recommencez.',
      undefined,
      { current },
    );
  }
}
