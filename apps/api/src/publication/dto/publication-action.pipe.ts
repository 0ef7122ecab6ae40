import { Injectable, type PipeTransform } from '@nestjs/common';
import { PUBLICATION_ACTIONS, type PublicationAction, type PublicationActionInput } from '@passerelle/shared/dto';
import { ValidationFailedException } from '../../common/exceptions/domain.exception';
import { createValidationPipe } from '../../common/http/validation';
import { PUBLICATION_ACTION_BODIES } from './publication.dto';

/**
 * Validates `POST /projects/:id/publication` with the class of its `action`, through the same pipe as every body
 * (unknown fields refused, French messages). One class for all actions would have to accept `choices` on `approve`.
 */
@Injectable()
export class PublicationActionPipe implements PipeTransform<unknown, Promise<PublicationActionInput>> {
  private readonly validation = createValidationPipe();

  async transform(value: unknown): Promise<PublicationActionInput> {
    const action = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { action?: unknown }).action : undefined;
    if (!isAction(action)) {
      throw new ValidationFailedException({ action: 'action doit valoir request, consent, approve, reject ou withdraw.' });
    }
    const metatype = PUBLICATION_ACTION_BODIES[action];
    return (await this.validation.transform(value, { type: 'body', metatype })) as PublicationActionInput;
  }
}

function isAction(value: unknown): value is PublicationAction {
  return (PUBLICATION_ACTIONS as readonly unknown[]).includes(value);
}
