import { Injectable, type Provider } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';

/** The datepicker's buttons and calendar, read out in French. */
@Injectable()
export class FrenchDatepickerIntl extends MatDatepickerIntl {
  override calendarLabel = 'Calendrier';
  override openCalendarLabel = 'Ouvrir le calendrier';
  override closeCalendarLabel = 'Fermer le calendrier';
  override prevMonthLabel = 'Mois précédent';
  override nextMonthLabel = 'Mois suivant';
  override prevYearLabel = 'Année précédente';
  override nextYearLabel = 'Année suivante';
  override prevMultiYearLabel = 'Années précédentes';
  override nextMultiYearLabel = 'Années suivantes';
  override switchToMonthViewLabel = 'Choisir une date';
  override switchToMultiYearViewLabel = 'Choisir le mois et l’année';
  override startDateLabel = 'Date de début';
  override endDateLabel = 'Date de fin';
  override comparisonDateLabel = 'Période comparée';

  override formatYearRange(start: string, end: string): string {
    return `${start} – ${end}`;
  }

  override formatYearRangeLabel(start: string, end: string): string {
    return `de ${start} à ${end}`;
  }
}

/**
 * For the `providers` of a component that shows a datepicker. Not in the shared ui-material barrel nor at the root:
 * the app's shell imports that barrel, and the whole datepicker would land in the initial bundle of every page (this
 * library is only imported by lazily loaded pages).
 */
export function provideFrenchDatepickerIntl(): Provider {
  return { provide: MatDatepickerIntl, useClass: FrenchDatepickerIntl };
}
