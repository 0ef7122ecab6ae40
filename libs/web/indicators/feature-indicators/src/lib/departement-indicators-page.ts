import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, linkedSignal, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  BACKLOG_BAND_LABELS,
  type DepartementIndicatorsDto,
  INDICATOR_CSV_LEVELS,
  INDICATOR_GROUPS,
  type IndicatorCsvLevel,
  type IndicatorFigure,
  type IndicatorGroup,
  PROJECT_STATUS_LABELS,
  PROJECT_THEME_LABELS,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { IndicatorsApi } from '@passerelle/web/indicators/data-access';
import {
  BreakdownTable,
  CantonMapView,
  compareAverages,
  compareCounts,
  compareDurations,
  compareShares,
  CountChart,
  DrillTable,
  DurationFigureView,
  FigureCard,
  formatElapsedDuration,
  formatPeriod,
  formatShare,
  formatWorkingDuration,
  type IndicatorOpinion,
  officeDayMs,
  OpinionFigureView,
  previousPeriodWords,
  VolumesView,
} from '@passerelle/web/indicators/ui-indicators';
import { downloadFile } from '@passerelle/web/shared/util-download';
import { apiErrorMessage, describeOfficeHours, formatCount, formatDateTime, formatInteger, todayInParis } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { choiceOf, customPeriodErrors, type PeriodChoice, type PeriodKind, periodParams, recentMonths, recentYears } from './indicator-period';

export const GROUP_LABELS: Record<IndicatorGroup, string> = {
  canton: 'Canton',
  category: 'Catégorie',
  label: 'Étiquette',
  sizeBand: 'Taille de commune',
  agent: 'Agent',
};

/** The drill-down's heading: the questions behind each figure. */
export const DRILL_TITLES: Record<IndicatorFigure, string> = {
  firstResponse: 'Questions ayant reçu leur première réponse dans la période',
  withinTarget: 'Questions répondues dans l’objectif',
  late: 'Questions répondues après l’objectif',
  backlog: 'Questions en attente d’une première réponse',
  reopened: 'Questions fermées dans la période et rouvertes au moins une fois',
  closed: 'Questions fermées dans la période',
  created: 'Questions déposées dans la période',
  satisfaction: 'Questions fermées dans la période avec une note de satisfaction',
  effort: 'Questions fermées dans la période avec une réponse sur l’effort',
};

const CSV_LABELS: Record<IndicatorCsvLevel, string> = {
  thread: 'Par question',
  week: 'Par semaine',
  canton: 'Par canton',
  agent: 'Par agent',
};

/** The drill-down's API limit: past it, the list says it is cut. */
const DRILL_LIMIT = 500;

/**
 * `/departement/indicateurs` (agents and admins): the questions still waiting first (the late ones a median over the
 * answered questions hides), then the figures of a period against the previous one, the weekly volumes, a breakdown
 * (with the cantons' map), the projects, the questions behind any figure, and the CSV exports. The period and the
 * breakdown are in the address (`?from=&to=&groupBy=`).
 */
@Component({
  selector: 'pas-departement-indicators-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    BreakdownTable,
    CantonMapView,
    CountChart,
    DrillTable,
    DurationFigureView,
    FigureCard,
    OpinionFigureView,
    VolumesView,
  ],
  templateUrl: './departement-indicators-page.html',
  styleUrl: './departement-indicators-page.scss',
})
export class DepartementIndicatorsPage {
  private readonly session = inject(AuthSession);
  private readonly api = inject(IndicatorsApi);
  private readonly territory = inject(TerritoryApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** `?from=&to=` (Paris days, inclusive) and `?groupBy=`, from the address. */
  readonly from = input<string>();
  readonly to = input<string>();
  readonly groupBy = input<string>();

  protected readonly today = todayInParis();
  protected readonly departement = computed(() => this.session.user()?.departement ?? null);
  protected readonly isAdmin = computed(() => this.session.user()?.role === 'ADMIN');

  protected readonly group = computed<IndicatorGroup>(() => {
    const value = this.groupBy();
    return (INDICATOR_GROUPS as readonly string[]).includes(value ?? '') ? (value as IndicatorGroup) : 'canton';
  });
  protected readonly choice = computed(() => choiceOf(this.from(), this.to(), this.today));
  private readonly query = computed(() => {
    const { from, to } = periodParams(this.choice(), this.today);
    return { from: from ?? undefined, to: to ?? undefined };
  });

  // The picker's fields, reset to the address whenever it changes (back button, link).
  protected readonly kind = linkedSignal<PeriodKind>(() => this.choice().kind);
  protected readonly month = linkedSignal(() => {
    const choice = this.choice();
    return choice.kind === 'month' ? choice.month : this.today.slice(0, 7);
  });
  protected readonly year = linkedSignal(() => {
    const choice = this.choice();
    return choice.kind === 'year' ? choice.year : Number(this.today.slice(0, 4));
  });
  protected readonly custom = new FormGroup({
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });
  protected readonly months = recentMonths(this.today);
  protected readonly years = recentYears(this.today);

  protected readonly dashboard = rxResource({
    params: () => {
      const code = this.departement()?.code;
      return code ? { code, ...this.query(), groupBy: this.group() } : undefined;
    },
    stream: ({ params: { code, ...query } }) => this.api.dashboard(code, query),
  });
  /** The last figures received: kept on screen while another period or breakdown loads. */
  protected readonly data = linkedSignal<DepartementIndicatorsDto | undefined, DepartementIndicatorsDto | undefined>({
    source: () => (this.dashboard.hasValue() ? this.dashboard.value() : undefined),
    computation: (value, previous) => value ?? previous?.value,
  });
  protected readonly definitions = computed(() => Object.values(this.data()?.definitions ?? {}));
  protected readonly errorText = computed(() => (this.dashboard.error() ? apiErrorMessage(this.dashboard.error()) : null));

  protected readonly cantonOutlines = rxResource({
    params: () => (this.group() === 'canton' ? this.departement()?.code : undefined),
    stream: ({ params }) => this.territory.getCantonOutlines(params),
  });

  protected readonly dayMs = computed(() => officeDayMs(this.data()?.officeHours ?? []) || null);
  protected readonly since = computed(() => {
    const data = this.data();
    return data ? previousPeriodWords(data.period) : '';
  });
  protected readonly comparisons = computed(() => {
    const data = this.data();
    if (!data) {
      return null;
    }
    const since = this.since();
    const [now, before] = [data.summary, data.previous];
    return {
      firstResponse: compareDurations(now.firstResponse.working.p50Ms, before.firstResponse.working.p50Ms, since, this.dayMs()),
      withinTarget: compareShares(now.firstResponse.withinTarget.share, before.firstResponse.withinTarget.share, since),
      resolution: compareDurations(now.resolution.p50Ms, before.resolution.p50Ms, since, this.dayMs()),
      reopenRate: compareShares(now.reopenRate.share, before.reopenRate.share, since),
      satisfaction: compareAverages(now.opinions.satisfaction.average, before.opinions.satisfaction.average, since),
      effort: compareAverages(now.opinions.effort.average, before.opinions.effort.average, since),
      created: compareCounts(now.created, before.created, since, 'question'),
    };
  });
  protected readonly backlogItems = computed(() => (this.data()?.backlog.bands ?? []).map((band) => ({ label: BACKLOG_BAND_LABELS[band.band], count: band.count })));
  protected readonly projectItems = computed(() => {
    const projects = this.data()?.projects;
    return {
      status: (projects?.byStatus ?? []).map((row) => ({ label: PROJECT_STATUS_LABELS[row.key] ?? row.key, count: row.count })),
      theme: (projects?.byTheme ?? []).map((row) => ({ label: PROJECT_THEME_LABELS[row.key] ?? row.key, count: row.count })),
      canton: (projects?.byCanton ?? []).map((row) => ({ label: row.cantonName, count: row.count })),
    };
  });
  protected readonly rebuiltText = computed(() => {
    const data = this.data();
    if (!data) {
      return '';
    }
    return data.rebuiltAt
      ? `Données recalculées chaque nuit ; dernière reconstruction : ${formatDateTime(data.rebuiltAt)}.`
      : 'Données recalculées chaque nuit ; pas encore de reconstruction complète.';
  });

  // The questions behind a figure.
  protected readonly drill = signal<IndicatorFigure | null>(null);
  protected readonly drillRows = rxResource({
    params: () => {
      const code = this.departement()?.code;
      const figure = this.drill();
      return code && figure ? { code, figure, ...this.query() } : undefined;
    },
    stream: ({ params: { code, figure, ...query } }) => this.api.threads(code, figure, query),
  });
  /** A list about an opinion shows each question's score. */
  protected readonly drillOpinion = computed<IndicatorOpinion | null>(() => {
    const figure = this.drill();
    return figure === 'satisfaction' || figure === 'effort' ? figure : null;
  });
  protected readonly drillLimit = DRILL_LIMIT;
  private readonly drillHeading = viewChild<ElementRef<HTMLElement>>('drillHeading');

  // The exports.
  protected readonly csvLevels = INDICATOR_CSV_LEVELS.map((level) => ({ level, label: CSV_LABELS[level] }));
  protected readonly withNames = signal(false);
  protected readonly downloading = busyFlag();
  protected readonly downloadError = signal<string | null>(null);

  protected readonly groups = INDICATOR_GROUPS.map((value) => ({ value, label: GROUP_LABELS[value] }));
  protected readonly groupLabels = GROUP_LABELS;
  protected readonly drillTitles = DRILL_TITLES;
  protected readonly count = formatInteger;
  protected readonly countOf = formatCount;
  protected readonly share = formatShare;
  protected readonly periodText = formatPeriod;
  protected readonly elapsed = formatElapsedDuration;
  protected readonly officeHoursText = describeOfficeHours;
  /** Hours and minutes, never days: the length of the office day itself. */
  protected readonly hours = (ms: number) => formatWorkingDuration(ms);

  constructor() {
    // The custom dates follow the address (a reload, the back button), never the other way round.
    effect(() => {
      const choice = this.choice();
      if (choice.kind === 'custom') {
        this.custom.setValue({ from: choice.from, to: choice.to });
      }
    });
  }

  protected duration(ms: number | null): string {
    return formatWorkingDuration(ms, this.dayMs());
  }

  protected choose(kind: PeriodKind): void {
    this.kind.set(kind);
    switch (kind) {
      case 'last30':
        this.applyPeriod({ kind });
        break;
      case 'month':
        this.applyPeriod({ kind, month: this.month() });
        break;
      case 'year':
        this.applyPeriod({ kind, year: this.year() });
        break;
      case 'custom':
        // Applied with « Afficher », once both dates are typed.
        break;
    }
  }

  protected chooseMonth(month: string): void {
    this.month.set(month);
    this.applyPeriod({ kind: 'month', month });
  }

  protected chooseYear(year: number): void {
    this.year.set(year);
    this.applyPeriod({ kind: 'year', year });
  }

  protected applyCustom(): void {
    const { from, to } = this.custom.getRawValue();
    const errors = customPeriodErrors(from, to);
    this.custom.controls.from.setErrors(errors.from ? { message: errors.from } : null);
    this.custom.controls.to.setErrors(errors.to ? { message: errors.to } : null);
    this.custom.markAllAsTouched();
    if (errors.from || errors.to) {
      // The first field to correct takes the focus; its error is read with it.
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLInputElement>(errors.from ? '#ind-from' : '#ind-to')?.focus(), { injector: this.injector });
      return;
    }
    this.applyPeriod({ kind: 'custom', from, to });
  }

  protected chooseGroup(group: IndicatorGroup): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { groupBy: group === 'canton' ? null : group }, queryParamsHandling: 'merge' });
  }

  protected openDrill(figure: IndicatorFigure): void {
    this.drill.set(figure);
    afterNextRender(() => this.drillHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected closeDrill(): void {
    this.drill.set(null);
  }

  protected download(level: IndicatorCsvLevel): void {
    const code = this.departement()?.code;
    const data = this.data();
    if (!code || !data) {
      return;
    }
    this.downloadError.set(null);
    const names = this.isAdmin() && this.withNames();
    this.downloading.track(this.api.csv(code, { ...this.query(), level, names })).subscribe({
      next: (blob) => downloadFile(blob, `indicateurs-${code}-${level}-${data.period.from}-${data.period.to}.csv`, 'text/csv;charset=utf-8'),
      error: (error: unknown) => this.downloadError.set(apiErrorMessage(error, 'Le fichier n’a pas pu être téléchargé. Réessayez dans quelques instants.')),
    });
  }

  private applyPeriod(choice: PeriodChoice): void {
    const { from, to } = periodParams(choice, this.today);
    void this.router.navigate([], { relativeTo: this.route, queryParams: { from, to }, queryParamsHandling: 'merge' });
  }
}
