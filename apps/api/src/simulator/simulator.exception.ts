import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type SimulatorErrorCode =
  | 'AID_SCHEME_NOT_FOUND'
  | 'AID_SCHEME_NATIONAL_READ_ONLY'
  | 'AID_SCHEME_VERSION_CONFLICT'
  | 'AID_SCHEME_CODE_TAKEN'
  | 'AID_SCHEME_TEST_CASES_CHANGED'
  | 'SIMULATION_COMMUNE_NOT_FOUND'
  | 'SIMULATION_COMMUNE_FORBIDDEN'
  | 'SIMULATION_PROJECT_NOT_FOUND'
  | 'SIMULATION_NOT_FOUND'
  | 'SIMULATION_FUNDING_PLAN_FULL'
  | 'SIMULATION_LINE_NOT_ELIGIBLE'
  | 'SIMULATION_NO_TYPICAL_PLAN';

export class SimulatorException extends DomainException {
  constructor(code: SimulatorErrorCode, extra?: Record<string, unknown>) {
    const { kind, message } = describe(code);
    super(code, kind, message, code === 'AID_SCHEME_CODE_TAKEN' ? { code: message } : undefined, extra);
  }
}

function describe(code: SimulatorErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'AID_SCHEME_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce dispositif d’aide est introuvable.' };
    case 'AID_SCHEME_NATIONAL_READ_ONLY':
      return {
        kind: 'FORBIDDEN',
        message:
          'Les dispositifs nationaux ne se modifient pas depuis un département : seuls les administrateurs de l’installation les tiennent à jour.',
      };
    case 'AID_SCHEME_VERSION_CONFLICT':
      return { kind: 'CONFLICT', message: 'Quelqu’un d’autre a modifié ce dispositif entre-temps : rechargez-le avant de recommencer.' };
    case 'AID_SCHEME_CODE_TAKEN':
      return { kind: 'CONFLICT', message: 'Un autre dispositif porte déjà ce code : choisissez-en un autre.' };
    case 'SIMULATION_COMMUNE_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cette commune est introuvable.' };
    case 'SIMULATION_COMMUNE_FORBIDDEN':
      return { kind: 'FORBIDDEN', message: 'Vous ne pouvez faire de simulation que pour une commune dont vous avez la charge.' };
    case 'SIMULATION_PROJECT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce projet est introuvable.' };
    case 'AID_SCHEME_TEST_CASES_CHANGED':
      return {
        kind: 'CONFLICT',
        message: 'Cette modification change le résultat de cas de test enregistrés : vérifiez-les, puis confirmez les nouveaux résultats.',
      };
    case 'SIMULATION_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cette simulation est introuvable.' };
    case 'SIMULATION_FUNDING_PLAN_FULL':
      return { kind: 'CONFLICT', message: 'Le plan de financement de la fiche est complet : retirez une ligne avant d’en ajouter.' };
    case 'SIMULATION_LINE_NOT_ELIGIBLE':
      return { kind: 'INVALID', message: 'Seules les aides éligibles retenues par la simulation peuvent rejoindre le plan de financement.' };
    case 'SIMULATION_NO_TYPICAL_PLAN':
      return { kind: 'INVALID', message: 'Cette simulation n’a pas de plan habituel : ajoutez les montants du plan maximal.' };
  }
}
