import { type PipeTransform } from '@nestjs/common';
import { ValidationFailedException } from '../exceptions/domain.exception';

/** Validates a path parameter against a pattern, with a French message naming the parameter. */
export class PatternPipe implements PipeTransform<string, string> {
  constructor(
    private readonly field: string,
    private readonly pattern: RegExp,
    private readonly message: string,
  ) {}

  transform(value: string): string {
    if (typeof value !== 'string' || !this.pattern.test(value)) {
      throw new ValidationFailedException({ [this.field]: this.message });
    }
    return value;
  }
}
