import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEPT_REPORT_STATE_LABELS, type DeptReportDto, PROJECT_THEME_LABELS } from '@passerelle/shared/dto';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { ObjectUrls } from '@passerelle/web/projects/data-access';
import { MilestoneList, StatusChip } from '@passerelle/web/projects/ui-project';
import { PublicationViewsChart } from '@passerelle/web/publication/ui-publication';
import { confirmAction } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCalendarDay, formatEuros } from '@passerelle/web/shared/util-format';
import { filter, switchMap } from 'rxjs';
import { ReportEditor } from './report-editor';

/** Which review buttons a report shows: only on a waiting report, and only as the API allows (never its author). */
export function reviewActions(report: DeptReportDto): { approve: boolean; reject: boolean } {
  const waiting = report.state === 'AWAITING_REVIEW';
  return { approve: waiting && report.can.approve, reject: waiting && report.can.reject };
}

/**
 * `/departement/projets-du-departement/:id`: the fiche of a département project, its public link and consultations,
 * and its progress reports — written by its lead, reviewed by an admin or another agent before they go online.
 */
@Component({
  selector: 'pas-dept-project-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MilestoneList,
    StatusChip,
    PublicationViewsChart,
    ReportEditor,
  ],
  providers: [ObjectUrls],
  templateUrl: './dept-project-page.html',
  styleUrl: './dept-project-page.scss',
})
export class DeptProjectPage {
  readonly id = input.required<string>();

  private readonly api = inject(DeptProjectsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly objectUrls = inject(ObjectUrls);

  protected readonly project = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.getProject(params) });
  protected readonly reports = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.listReports(params) });
  protected readonly loadError = computed(() => apiErrorMessage(this.project.error(), 'Impossible de charger la fiche du projet.'));
  protected readonly reportsError = computed(() => apiErrorMessage(this.reports.error(), 'Impossible de charger les points d’avancement.'));
  protected readonly thumbnails = this.objectUrls.urls;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly stateLabels = DEPT_REPORT_STATE_LABELS;
  protected readonly day = formatCalendarDay;
  protected readonly euros = formatEuros;
  protected readonly reviewActions = reviewActions;

  /** `new` for the new report's form, a report's id for its edit, `null` when no form is open. */
  protected readonly editing = signal<string | null>(null);
  /** The report whose refusal reason is being typed. */
  protected readonly rejecting = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly reasonError = signal('');
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly failure = signal('');

  protected readonly publicPath = computed(() => {
    const slug = this.project.value()?.slug;
    return slug ? `/projets-du-departement/${slug}` : null;
  });

  /** `#rapport-<id>` from the review queue: the report to show once the list has arrived. */
  private pendingFragment = inject(ActivatedRoute).snapshot.fragment;

  constructor() {
    effect(() => {
      const reports = this.reports.value() ?? [];
      this.objectUrls.load(reports.flatMap((report) => report.photos.map((photo) => photo.thumbnailUrl)));
      const fragment = this.pendingFragment;
      if (fragment && reports.some((report) => `rapport-${report.id}` === fragment)) {
        this.pendingFragment = null;
        setTimeout(() => {
          const target = document.getElementById(fragment);
          target?.scrollIntoView?.({ block: 'start' });
          target?.focus();
        });
      }
    });
  }

  protected startReport(): void {
    this.editing.set('new');
  }

  protected editReport(report: DeptReportDto): void {
    this.editing.set(report.id);
  }

  protected reportSaved(report: DeptReportDto): void {
    this.reports.update((reports) => {
      const list = reports ?? [];
      return list.some((r) => r.id === report.id) ? list.map((r) => (r.id === report.id ? report : r)) : [report, ...list];
    });
    if (report.state === 'AWAITING_REVIEW') {
      this.editing.set(null);
      this.status.set('Point d’avancement envoyé en relecture.');
      this.focusLater(`rapport-${report.id}`);
    } else {
      this.editing.set(report.id);
    }
  }

  protected closeEditor(): void {
    const editing = this.editing();
    this.editing.set(null);
    this.focusLater(editing && editing !== 'new' ? `rapport-${editing}` : 'new-report');
  }

  protected submitReport(report: DeptReportDto): void {
    this.run(this.api.updateReport(report.id, { version: report.version, submit: true }), 'Point d’avancement envoyé en relecture.');
  }

  protected approve(report: DeptReportDto): void {
    this.run(
      this.api.reviewReport(report.id, { action: 'approve', version: report.version }),
      'Point d’avancement approuvé et publié.',
      () => this.project.reload(),
    );
  }

  protected startReject(report: DeptReportDto): void {
    this.rejecting.set(report.id);
    this.reason.set('');
    this.reasonError.set('');
    this.focusLater(`reason-${report.id}`);
  }

  protected reject(report: DeptReportDto): void {
    const reason = this.reason().trim();
    if (!reason) {
      this.reasonError.set('Saisissez le motif du refus : l’auteur le verra.');
      this.focusLater(`reason-${report.id}`);
      return;
    }
    this.run(this.api.reviewReport(report.id, { action: 'reject', reason, version: report.version }), 'Point d’avancement refusé.', () =>
      this.rejecting.set(null),
    );
  }

  protected deleteReport(report: DeptReportDto): void {
    confirmAction(this.dialog, {
      title: 'Supprimer ce point d’avancement\u00a0?',
      message: `Le point du ${formatCalendarDay(report.reportedOn)} et ses photos seront supprimés.`,
      confirmLabel: 'Supprimer',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.deleteReport(report.id)),
      )
      .subscribe({
        next: () => {
          this.reports.update((reports) => (reports ?? []).filter((r) => r.id !== report.id));
          this.status.set('Point d’avancement supprimé.');
          this.focusLater('reports-heading');
        },
        error: (error: unknown) => this.failure.set(apiErrorMessage(error)),
      });
  }

  protected deleteProject(): void {
    const project = this.project.value();
    if (!project) {
      return;
    }
    confirmAction(this.dialog, {
      title: 'Supprimer le projet\u00a0?',
      message: `« ${project.title} », ses points d’avancement et ses photos seront supprimés, et sa page publique retirée.`,
      confirmLabel: 'Supprimer le projet',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.deleteProject(project.id)),
      )
      .subscribe({
        next: () => void this.router.navigateByUrl('/departement/projets-du-departement'),
        error: (error: unknown) => this.failure.set(apiErrorMessage(error, 'Le projet n’a pas pu être supprimé.')),
      });
  }

  private run(action: ReturnType<DeptProjectsApi['reviewReport']>, done: string, after?: () => void): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.failure.set('');
    action.subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.reports.update((reports) => (reports ?? []).map((r) => (r.id === updated.id ? updated : r)));
        this.status.set(done);
        after?.();
        this.focusLater(`rapport-${updated.id}`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(apiErrorMessage(error, 'L’action a échoué. Rechargez la page puis réessayez.'));
      },
    });
  }

  protected cantonList(cantons: readonly { name: string }[]): string {
    return cantons.map((canton) => canton.name).join(', ');
  }

  private focusLater(id: string): void {
    setTimeout(() => document.getElementById(id)?.focus());
  }
}
