import type { OfficeSpan } from '@passerelle/shared/dto';

/** `HH:MM`, what a `type="time"` input gives with its default one-minute step, and what the API accepts. */
export const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/**
 * The API's checks of the office hours, before sending them: each span ends after it starts, and starts once the
 * previous one has ended (in order, without overlap). Keyed like the API's field errors without their `officeHours.`
 * prefix (`1.start`), so that both show under the same field. Times not yet valid are left to their own field's error.
 */
export function officeHoursErrors(spans: readonly OfficeSpan[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const valid = (time: string) => TIME_PATTERN.test(time);
  spans.forEach((span, i) => {
    if (valid(span.start) && valid(span.end) && span.start >= span.end) {
      errors[`${i}.end`] = `La fin de la plage ${i + 1} doit venir après son début (${span.start}).`;
    }
    const previous = spans[i - 1];
    if (previous && valid(previous.end) && valid(span.start) && span.start < previous.end) {
      errors[`${i}.start`] =
        `La plage ${i + 1} doit commencer à ${previous.end} ou plus tard : les plages se suivent dans la journée, sans se chevaucher.`;
    }
  });
  return errors;
}
