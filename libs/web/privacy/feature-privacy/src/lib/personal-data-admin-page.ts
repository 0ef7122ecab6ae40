import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { RetentionRunDto } from '@passerelle/shared/dto';
import { RetentionApi } from '@passerelle/web/privacy/data-access';
import { confirmAction, FocusOnText } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { filter } from 'rxjs';
import { formatDays, runSummary } from './retention-text';
import { RetentionRunView } from './retention-run-view';

/** The runs the page lists. */
export const RUNS_SHOWN = 10;

/**
 * `/departement/administration/donnees-personnelles` (admins): the retention periods as configured, the runs of the
 * job that applies them (each rule's count, warnings, whether it reached the cap, the error), a dry run that shows what
 * a run would do without changing anything, and a real run now, after a confirmation.
 */
@Component({
  selector: 'pas-personal-data-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, FocusOnText, RetentionRunView],
  templateUrl: './personal-data-admin-page.html',
  styleUrl: './personal-data-admin-page.scss',
})
export class PersonalDataAdminPage {
  private readonly api = inject(RetentionApi);
  private readonly dialog = inject(MatDialog);

  protected readonly policies = rxResource({ stream: () => this.api.policies() });
  protected readonly runs = rxResource({ stream: () => this.api.runs(RUNS_SHOWN) });
  protected readonly policiesError = computed(() => apiErrorMessage(this.policies.error(), 'Impossible de charger les durées de conservation.'));
  protected readonly runsError = computed(() => apiErrorMessage(this.runs.error(), 'Impossible de charger les passages.'));

  protected readonly running = busyFlag();
  /** The run started from this page, shown above the list. */
  protected readonly lastRun = signal<RetentionRunDto | null>(null);
  protected readonly notice = signal('');
  protected readonly error = signal('');

  protected readonly formatDays = formatDays;

  protected dryRun(): void {
    if (this.running()) {
      return;
    }
    this.start(true);
  }

  protected runNow(): void {
    if (this.running()) {
      return;
    }
    confirmAction(this.dialog, {
      title: 'Lancer la tâche de conservation maintenant\u00a0?',
      message:
        'Les données arrivées au terme de leur durée de conservation seront supprimées, ou leur auteur remplacé par un pseudonyme, ' +
        'et les comptes inactifs avertis par courriel. Rien ne pourra être rétabli. Faites d’abord une simulation pour voir ce qui sera fait.',
      confirmLabel: 'Lancer maintenant',
      destructive: true,
    })
      .pipe(filter(Boolean))
      .subscribe(() => this.start(false));
  }

  private start(dryRun: boolean): void {
    this.notice.set('');
    this.error.set('');
    this.api
      .run(dryRun)
      .pipe(this.running.track)
      .subscribe({
        next: (run) => {
          this.lastRun.set(run);
          this.notice.set(runSummary(run));
          this.runs.reload();
        },
        error: (error: unknown) => this.error.set(apiErrorMessage(error, 'Impossible de lancer la tâche. Réessayez dans quelques instants.')),
      });
  }
}
