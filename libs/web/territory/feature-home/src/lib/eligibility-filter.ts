/** Values of the size filter of the commune list. */
export type EligibilityFilter = 'all' | 'eligible' | 'ineligible';

export function toEligibleParam(filter: EligibilityFilter): boolean | undefined {
  switch (filter) {
    case 'all':
      return undefined;
    case 'eligible':
      return true;
    case 'ineligible':
      return false;
  }
}
