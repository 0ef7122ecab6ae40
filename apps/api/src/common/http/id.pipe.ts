import type { PipeTransform } from '@nestjs/common';
import { isUuid } from './uuid';

/**
 * An id of the path in its one canonical spelling before anything compares it: a UUID is lower-cased (PostgreSQL
 * reads `…-ABCD` and `…-abcd` as the same id, JavaScript's `===` does not, so "is this my own id?" must not see
 * two ids). Anything else is left as is: it is no id, and the service answers "not found" as for a missing one.
 */
export class CanonicalIdPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown): unknown {
    return isUuid(value) ? value.toLowerCase() : value;
  }
}

/** `@Param('id', CanonicalId)`: the pipe is stateless, one instance serves every route. */
export const CanonicalId = new CanonicalIdPipe();
