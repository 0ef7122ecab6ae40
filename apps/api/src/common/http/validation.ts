import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Query strings kept per DTO class once validated; longer ones are validated each time. */
const KEPT_QUERIES_PER_DTO = 500;
const MAX_KEPT_QUERY_LENGTH = 2_000;

/**
 * Unknown fields are refused (400), values are converted to the DTO's types, messages are French.
 *
 * A valid query string is validated once: the same parameters (a page of communes, the portal's filters, the
 * inbox's default queue) give the same DTO, since no query DTO has a validator that reads anything but its value.
 * Each request gets its own copy. Refused queries are not kept: they go through the full validation every time.
 * class-validator and class-transformer were a tenth of what a kept public page cost.
 */
export class AppValidationPipe extends ValidationPipe {
  private readonly validQueries = new Map<unknown, Map<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (metadata.type !== 'query' || !metatype || typeof value !== 'object' || value === null) {
      return super.transform(value, metadata);
    }
    const key = JSON.stringify(value);
    if (key.length > MAX_KEPT_QUERY_LENGTH) {
      return super.transform(value, metadata);
    }
    let kept = this.validQueries.get(metatype);
    if (!kept) {
      kept = new Map();
      this.validQueries.set(metatype, kept);
    }
    const hit = kept.get(key);
    if (hit) {
      // Most recently used last: the oldest go first.
      kept.delete(key);
      kept.set(key, hit);
      return copyDto(hit);
    }
    const dto = (await super.transform(value, metadata)) as object;
    kept.set(key, copyDto(dto));
    if (kept.size > KEPT_QUERIES_PER_DTO) {
      kept.delete(kept.keys().next().value as string);
    }
    return dto;
  }
}

/** A copy of a validated DTO (its class kept), with its own arrays and dates: a caller may change what it got. */
function copyDto<T extends object>(dto: T): T {
  const copy = Object.create(Object.getPrototypeOf(dto) as object | null) as Record<string, unknown>;
  for (const [name, field] of Object.entries(dto)) {
    copy[name] = Array.isArray(field) ? [...(field as unknown[])] : field instanceof Date ? new Date(field.getTime()) : field;
  }
  return copy as T;
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}
