import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, untracked } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  FUNDER_LABELS,
  PROJECT_THEME_LABELS,
  type PublicDeptProjectDto,
} from '@passerelle/shared/dto';
import { PublicDeptProjectsApi } from '@passerelle/web/public/data-access';
import { DeptProgress, PageMeta, PRODUCT_NAME } from '@passerelle/web/public/ui-public';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { LocationMap } from '@passerelle/web/shared/ui-map';
import { apiErrorMessage, formatCalendarDay, formatDate, formatEuros } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { catchError, of } from 'rxjs';
import { cantonsOutline } from './cantons-outline';
import { deptProjectMeta } from './dept-project-meta';
import { DeptReportTimeline } from './dept-report-timeline';


const LESSONS = [
  { key: 'problems', title: 'Les difficultés rencontrées' },
  { key: 'differently', title: 'Ce que nous ferions autrement' },
  { key: 'advice', title: 'Nos conseils' },
] as const;

/**
 * `/projets-du-departement/:slug`: a project of the département as it is now, then the timeline of its reviewed
 * progress reports. Sets the title and description like a commune's project page and counts one consultation.
 */
@Component({
  selector: 'pas-dept-project-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, DeptProgress, LocationMap, DeptReportTimeline],
  templateUrl: './dept-project-page.html',
  styleUrl: './dept-project-page.scss',
})
export class DeptProjectPage {
  /** From the route. */
  readonly slug = input.required<string>();

  private readonly api = inject(PublicDeptProjectsApi);
  private readonly territory = inject(TerritoryApi);
  private readonly title = inject(Title);
  private readonly pageMeta = inject(PageMeta);
  private readonly document = inject(DOCUMENT);

  protected readonly config = toSignal(inject(PublicConfig).load().pipe(catchError(() => of(null))));

  protected readonly project = rxResource({
    params: () => this.slug(),
    stream: ({ params }) => this.api.get(params),
  });
  /** The cantons' outlines for a project without a point: a bonus, nothing shown when they fail. */
  private readonly cantonOutlines = rxResource({
    params: () => {
      if (!this.project.hasValue()) {
        return undefined;
      }
      const p = this.project.value();
      return p.locatedBy === 'POINT' || p.cantons.length === 0 ? undefined : p.departement.code;
    },
    stream: ({ params }) => this.territory.getCantonOutlines(params).pipe(catchError(() => of(null))),
  });
  protected readonly outline = computed(() => {
    const outlines = this.cantonOutlines.hasValue() ? this.cantonOutlines.value() : null;
    return this.project.hasValue() ? cantonsOutline(outlines, this.project.value().cantons.map((c) => c.code)) : null;
  });

  protected readonly notFound = computed(() => (this.project.error() as { status?: unknown } | undefined)?.status === 404);
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.project.error(), 'Impossible de charger ce projet. Vérifiez votre connexion puis réessayez.'),
  );

  protected readonly themeLabel = computed(() => (this.project.hasValue() ? PROJECT_THEME_LABELS[this.project.value().theme] : ''));
  protected readonly cantonNames = computed(() =>
    this.project.hasValue() ? this.project.value().cantons.map((c) => c.name).join(', ') : '',
  );
  protected readonly lessons = computed(() => {
    if (!this.project.hasValue()) {
      return [];
    }
    const lessons = this.project.value().lessons;
    return LESSONS.map(({ key, title }) => ({ key, title, text: lessons[key].trim() })).filter((l) => l.text !== '');
  });
  protected readonly obtainedCents = computed(() =>
    this.project.hasValue()
      ? this.project.value().fundingLines.reduce((sum, line) => sum + (line.amountObtainedCents ?? 0), 0)
      : 0,
  );
  /** « Suivre ce projet »: the newsletter for its first canton, or its axis. */
  protected readonly follow = computed(() => {
    if (!this.project.hasValue()) {
      return [];
    }
    const p = this.project.value();
    const links: { label: string; params: Record<string, string> }[] = [];
    for (const canton of p.cantons) {
      links.push({ label: `Les nouvelles du canton ${canton.name}`, params: { canton: canton.code } });
    }
    if (p.axis) {
      links.push({ label: `Les nouvelles de l’axe « ${p.axis.label} »`, params: { axe: p.axis.id } });
    }
    return links;
  });

  protected readonly euros = formatEuros;
  protected readonly day = formatCalendarDay;
  protected readonly date = formatDate;

  /** The slug whose visit was counted: a retry or a change detection must not count it twice. */
  private counted: string | null = null;

  constructor() {
    effect(() => {
      if (this.project.hasValue()) {
        const project = this.project.value();
        untracked(() => {
          this.pageMeta.show(deptProjectMeta(project, this.document.location.origin));
          this.countVisit(project.slug);
        });
      } else if (this.notFound()) {
        untracked(() => {
          this.title.setTitle(`Projet non publié — ${PRODUCT_NAME}`);
          this.pageMeta.clear();
        });
      }
    });
    inject(DestroyRef).onDestroy(() => this.pageMeta.clear());
  }

  protected funderLabel(line: PublicDeptProjectDto['fundingLines'][number]): string {
    return line.funderName ? `${FUNDER_LABELS[line.funder]} — ${line.funderName}` : FUNDER_LABELS[line.funder];
  }

  private countVisit(slug: string): void {
    if (this.counted === slug) {
      return;
    }
    this.counted = slug;
    // A lost count is no reason to bother the visitor.
    this.api.recordView(slug).subscribe({ error: () => undefined });
  }
}
