import {
  FUNDER_LABELS,
  FUNDING_STATE_LABELS,
  type Funder,
  type FundingState,
  PROJECT_STATUS_LABELS,
  PROJECT_THEME_LABELS,
  type ProjectStatus,
  type ProjectTheme,
} from '@passerelle/shared/dto';
import { formatCalendarDay, formatCount, formatEuros } from '@passerelle/web/shared/util-format';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A value of the history in words: amounts (fields ending in `Cents`) in euros, days in French, closed-list codes by
 * their label, lists by their length. The history keeps raw values; only the reading changes here.
 */
export function formatChangeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'number') {
    if (field.endsWith('Cents')) {
      return formatEuros(value);
    }
    return field === 'progress' ? `${value}\u00a0%` : String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'oui' : 'non';
  }
  if (typeof value === 'string') {
    if (field === 'status' && value in PROJECT_STATUS_LABELS) {
      return PROJECT_STATUS_LABELS[value as ProjectStatus];
    }
    if (field === 'theme' && value in PROJECT_THEME_LABELS) {
      return PROJECT_THEME_LABELS[value as ProjectTheme];
    }
    if (field.endsWith('funder') && value in FUNDER_LABELS) {
      return FUNDER_LABELS[value as Funder];
    }
    if (field.endsWith('state') && value in FUNDING_STATE_LABELS) {
      return FUNDING_STATE_LABELS[value as FundingState];
    }
    if (DAY.test(value)) {
      return formatCalendarDay(value);
    }
    return value.length > 160 ? `${value.slice(0, 157)}…` : value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'aucune ligne' : formatCount(value.length, 'ligne');
  }
  if (typeof value === 'object') {
    const { lat, lng, address } = value as { lat?: unknown; lng?: unknown; address?: unknown };
    if (typeof lat === 'number' && typeof lng === 'number') {
      return typeof address === 'string' && address ? address : 'emplacement sur la carte';
    }
    return 'modifié';
  }
  return String(value);
}
