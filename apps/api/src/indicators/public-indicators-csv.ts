import type { DurationFigure, OfficeSpan, PublicIndicatorsDto } from '@passerelle/shared/dto';
import { decimal, hours, line } from './indicator-cells';
import { minutesOf } from './office-clock';

/**
 * The public figures as open data: the definitions and the licence as `#` lines, then one line per figure
 * (`indicateur;valeur;nombre;unite`) and one per week's volumes.
 */
export async function* publicIndicatorsCsv(figures: PublicIndicatorsDto): AsyncGenerator<string> {
  yield '\ufeff' + line([`# Indicateurs publics du département ${figures.departementName} (${figures.departementCode}), du ${figures.period.from} au ${figures.period.to}`]);
  yield line([`# Licence : ${figures.licence}`]);
  yield line([`# Horaires du département (jours ouvrés, heure de Paris) : ${officeHoursText(figures.officeHours)}`]);
  for (const [key, text] of Object.entries(figures.definitions)) {
    yield line([`# ${key} : ${text}`]);
  }
  yield line(['indicateur', 'valeur', 'nombre', 'unite']);
  const { firstResponse, opinions } = figures;
  yield* duration('premiere_reponse_heures_ouvrees', firstResponse.working);
  yield* duration('premiere_reponse_heures_ecoulees', firstResponse.elapsed);
  yield line(['part_dans_objectif', decimal(firstResponse.withinTarget.share), firstResponse.withinTarget.count, `part (objectif : ${firstResponse.targetDays} jours ouvrés)`]);
  yield line(['satisfaction_moyenne', decimal(opinions.satisfaction.average), opinions.satisfaction.count, 'note de 1 à 5']);
  yield line(['satisfaction_taux_reponse', decimal(opinions.satisfaction.responseRate), opinions.closed, 'part des questions fermées']);
  yield line(['effort_moyen', decimal(opinions.effort.average), opinions.effort.count, 'accord de 1 à 7']);
  yield line(['effort_taux_reponse', decimal(opinions.effort.responseRate), opinions.closed, 'part des questions fermées']);
  for (const week of figures.weeks) {
    yield line([`deposees_semaine_du_${week.week}`, week.created, null, 'questions']);
    yield line([`repondues_semaine_du_${week.week}`, week.answered, null, 'questions']);
    yield line([`fermees_semaine_du_${week.week}`, week.closed, null, 'questions']);
    yield line([`rouvertes_semaine_du_${week.week}`, week.reopened, null, 'questions']);
  }
}

/** `09:00–12:30, 13:30–17:30 (7,5 heures par jour ouvré)`. */
function officeHoursText(spans: OfficeSpan[]): string {
  const perDay = spans.reduce((total, span) => total + minutesOf(span.end) - minutesOf(span.start), 0) / 60;
  return `${spans.map((span) => `${span.start}–${span.end}`).join(', ')} (${decimal(perDay)} heures par jour ouvré)`;
}

function* duration(name: string, figure: DurationFigure): Generator<string> {
  yield line([`${name}_p50`, hours(figure.p50Ms), figure.count, 'heures']);
  yield line([`${name}_p90`, hours(figure.p90Ms), figure.count, 'heures']);
}
