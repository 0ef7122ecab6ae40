import { THREAD_LIMITS } from '@passerelle/shared/dto';
import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type ThreadsErrorCode =
  | 'THREAD_NOT_FOUND'
  | 'MESSAGE_NOT_FOUND'
  | 'DEPARTEMENT_NOT_FOUND'
  | 'LABEL_NOT_FOUND'
  | 'ROUTING_RULE_NOT_FOUND'
  | 'TEMPLATE_NOT_FOUND'
  | 'COMMUNE_MEMBERS_ONLY'
  | 'STAFF_ONLY'
  | 'ADMIN_ONLY'
  | 'NOT_AUTHOR'
  | 'THREAD_CLOSED'
  | 'TRANSITION_FORBIDDEN'
  | 'ALREADY_IN_STATE'
  | 'REOPEN_EXPIRED'
  | 'EDIT_WINDOW_OVER'
  | 'SATISFACTION_NOT_CLOSED'
  | 'SATISFACTION_ALREADY_GIVEN'
  | 'LABEL_NAME_TAKEN'
  | 'ROUTING_RULE_EXISTS';

export class ThreadsException extends DomainException {
  constructor(code: ThreadsErrorCode, errors?: Record<string, string>) {
    const { kind, message } = describe(code);
    super(code, kind, message, errors);
  }
}

function describe(code: ThreadsErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'THREAD_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cette question est introuvable.' };
    case 'MESSAGE_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce message est introuvable.' };
    case 'DEPARTEMENT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce département est introuvable.' };
    case 'LABEL_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cette étiquette est introuvable (elle a peut-être été supprimée).' };
    case 'ROUTING_RULE_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cette règle d’attribution est introuvable.' };
    case 'TEMPLATE_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce modèle de réponse est introuvable.' };
    case 'COMMUNE_MEMBERS_ONLY':
      return { kind: 'FORBIDDEN', message: 'Seuls le maire et les collaborateurs de la commune peuvent faire cela.' };
    case 'STAFF_ONLY':
      return { kind: 'FORBIDDEN', message: 'Seuls les agents du département peuvent faire cela.' };
    case 'ADMIN_ONLY':
      return { kind: 'FORBIDDEN', message: 'Seuls les administrateurs du département peuvent faire cela.' };
    case 'NOT_AUTHOR':
      return { kind: 'FORBIDDEN', message: 'Vous ne pouvez modifier que vos propres messages.' };
    case 'THREAD_CLOSED':
      return { kind: 'CONFLICT', message: 'Cette question est fermée : rouvrez-la pour y répondre.' };
    case 'TRANSITION_FORBIDDEN':
      return { kind: 'CONFLICT', message: 'Ce changement d’état n’est pas possible depuis l’état actuel de la question. Rechargez la page.' };
    case 'ALREADY_IN_STATE':
      return { kind: 'CONFLICT', message: 'La question est déjà dans cet état. Rechargez la page.' };
    case 'REOPEN_EXPIRED':
      return {
        kind: 'CONFLICT',
        message: `Une question se rouvre dans les ${THREAD_LIMITS.reopenDays} jours qui suivent sa fermeture : posez plutôt une nouvelle question.`,
      };
    case 'EDIT_WINDOW_OVER':
      return {
        kind: 'CONFLICT',
        message: `Un message se modifie dans les ${THREAD_LIMITS.editMinutes} minutes qui suivent son envoi : ajoutez plutôt un nouveau message.`,
      };
    case 'SATISFACTION_NOT_CLOSED':
      return { kind: 'CONFLICT', message: 'Votre avis est demandé une fois la question fermée.' };
    case 'SATISFACTION_ALREADY_GIVEN':
      return { kind: 'CONFLICT', message: 'La commune a déjà donné son avis sur cette question.' };
    case 'LABEL_NAME_TAKEN':
      return { kind: 'CONFLICT', message: 'Une étiquette porte déjà ce nom.' };
    case 'ROUTING_RULE_EXISTS':
      return { kind: 'CONFLICT', message: 'Une règle existe déjà pour ce canton et cette catégorie : supprimez-la d’abord.' };
  }
}

/** 409 with the thread as it is now: the page reloads it and keeps what the user typed. */
export class ThreadVersionConflictException extends DomainException {
  constructor(current: unknown) {
    super(
      'THREAD_VERSION_CONFLICT',
      'CONFLICT',
      'La question a changé pendant que vous la consultiez (quelqu’un y a répondu ou l’a fermée). Elle a été rechargée : vérifiez puis recommencez.',
      undefined,
      { current },
    );
  }
}
