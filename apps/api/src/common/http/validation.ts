import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailedException } from '../exceptions/domain.exception';

const UNKNOWN_FIELD = 'whitelistValidation';

/** `{ "adresse.ville": "message" }`: nested fields are joined with dots so the form can find its field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) {
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
      Object.assign(result, flattenValidationErrors(error.children, field));
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
