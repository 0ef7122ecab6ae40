import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailedException } from '../exceptions/domain.exception';

const UNKNOWN_FIELD = 'whitelistValidation';

/** More field errors than any form has: the list stops there, so a hostile body cannot make the answer huge. */
export const MAX_FIELD_ERRORS = 50;

/** `{ "adresse.ville": "message" }`: nested fields are joined with dots so the form can find its field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = '', result: Record<string, string> = {}): Record<string, string> {
  for (const error of errors) {
    if (Object.keys(result).length >= MAX_FIELD_ERRORS) {
      break;
    }
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    if (constraints[UNKNOWN_FIELD]) {
      result[field] = 'Ce champ n’est pas accepté.';
    } else {
      const first = Object.values(constraints)[0];
      if (first) {
        result[field] = first;
      }
    }
    if (error.children?.length) {
      flattenValidationErrors(error.children, field, result);
    }
  }
  return result;
}

/** Unknown fields are refused (400), values are converted to the DTO's types, messages are French. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}
