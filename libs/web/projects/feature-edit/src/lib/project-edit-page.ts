import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSliderModule } from '@angular/material/slider';
import { Router, RouterLink } from '@angular/router';
import {
  DEFAULT_PROGRESS,
  FUNDER_LABELS,
  FUNDERS,
  FUNDING_STATE_LABELS,
  FUNDING_STATES,
  type LatLng,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
  type ProjectConflictError,
  type ProjectDto,
  type ProjectInput,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { ProjectsApi } from '@passerelle/web/projects/data-access';
import { formatChangeValue, MoneyInput } from '@passerelle/web/projects/ui-project';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { LocationMap } from '@passerelle/web/shared/ui-map';
import { confirmAction, fieldErrorMessage } from '@passerelle/web/shared/ui-material';
import { apiErrorCode, apiErrorMessage, apiFieldErrors } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { catchError, finalize, type Observable, of } from 'rxjs';
import {
  changedFields,
  changesSince,
  createProjectForm,
  fillProjectForm,
  fundingLineGroup,
  inputOf,
  mergeOnto,
  milestoneGroup,
  PROJECT_FIELD_LABELS,
  toProjectInput,
} from './project-form';

export interface ConflictNotice {
  current: ProjectDto;
  /** What someone else changed since the user opened the form, with the new value in words. */
  changes: { field: keyof ProjectInput; label: string; value: string }[];
}

/**
 * `/espace/projets/nouveau` and `/espace/projets/:id/modifier`: the fiche as a form. Keeps everything typed on a
 * failure, shows the API's field errors under their fields, and on a concurrent save (409) lists what the other
 * person changed and lets the user lay their changes over the new version.
 */
@Component({
  selector: 'lib-project-edit-page',
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
    MatSliderModule,
    MoneyInput,
    LocationMap,
  ],
  templateUrl: './project-edit-page.html',
  styleUrl: './project-edit-page.scss',
})
export class ProjectEditPage {
  /** The project's id from the route; absent when creating. */
  readonly id = input<string>();

  private readonly api = inject(ProjectsApi);
  private readonly territory = inject(TerritoryApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);

  protected readonly form = createProjectForm();
  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly statuses = PROJECT_STATUSES;
  protected readonly statusLabels = PROJECT_STATUS_LABELS;
  protected readonly funders = FUNDERS;
  protected readonly funderLabels = FUNDER_LABELS;
  protected readonly fundingStates = FUNDING_STATES;
  protected readonly fundingStateLabels = FUNDING_STATE_LABELS;

  protected readonly isNew = computed(() => !this.id());
  protected readonly project = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getProject(params),
  });
  /** The version the user's changes are made on: the loaded fiche, then the one they chose to reapply onto. */
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.project.error(), 'Impossible de charger la fiche projet.'),
  );
  protected readonly base = signal<ProjectDto | null>(null);
  protected readonly insee = computed(
    () => this.base()?.commune.insee ?? (this.isNew() ? this.session.user()?.commune?.insee : undefined),
  );
  protected readonly commune = rxResource({
    params: () => this.insee(),
    stream: ({ params }) => this.territory.getCommune(params),
  });
  protected readonly config = toSignal(inject(PublicConfig).load().pipe(catchError(() => of(null))), {
    initialValue: null,
  });

  protected readonly saving = signal(false);
  protected readonly saveError = signal('');
  /** Field errors of the API that match no control, shown at the top. */
  protected readonly otherErrors = signal<string[]>([]);
  protected readonly conflict = signal<ConflictNotice | null>(null);
  protected readonly mapMessage = signal('');
  private readonly location = toSignal(this.form.controls.location.valueChanges, {
    initialValue: this.form.controls.location.value,
  });
  protected readonly point = computed<LatLng | null>(() => {
    const { lat, lng } = this.location();
    return lat != null && lng != null ? { lat, lng } : null;
  });
  /** Once the user moved the progress, a status change no longer resets it. */
  private progressSetByUser = false;
  private saved = false;

  protected readonly fieldErrorMessage = fieldErrorMessage;

  constructor() {
    effect(() => {
      if (this.project.hasValue()) {
        const project = this.project.value();
        untracked(() => {
          this.base.set(project);
          fillProjectForm(this.form, inputOf(project));
          this.form.markAsPristine();
        });
      }
    });
    this.form.controls.status.valueChanges.subscribe((status) => {
      if (!this.progressSetByUser) {
        this.form.controls.progress.setValue(DEFAULT_PROGRESS[status], { emitEvent: false });
      }
    });
    // Leaving the site (reload, closed tab) with unsaved changes: the browser asks.
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (this.hasUnsavedChanges()) {
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    inject(DestroyRef).onDestroy(() => window.removeEventListener('beforeunload', beforeUnload));
  }

  protected progressChanged(): void {
    this.progressSetByUser = true;
  }

  protected addFundingLine(): void {
    this.form.controls.fundingLines.push(fundingLineGroup());
    this.form.markAsDirty();
  }

  protected removeFundingLine(index: number): void {
    this.form.controls.fundingLines.removeAt(index);
    this.form.markAsDirty();
  }

  protected addMilestone(): void {
    this.form.controls.milestones.push(milestoneGroup());
    this.form.markAsDirty();
  }

  protected removeMilestone(index: number): void {
    this.form.controls.milestones.removeAt(index);
    this.form.markAsDirty();
  }

  protected placed(point: LatLng): void {
    this.form.controls.location.patchValue(point);
    this.form.markAsDirty();
    this.mapMessage.set('Emplacement placé sur la carte.');
  }

  protected refused(): void {
    this.mapMessage.set('Cet endroit est en dehors de la commune : cliquez à l’intérieur de ses limites.');
  }

  protected clearLocation(): void {
    this.form.controls.location.setValue({ lat: null, lng: null, address: '' });
    this.form.markAsDirty();
    this.mapMessage.set('Emplacement retiré.');
  }

  /** Message under a field: the money parser's, the API's, or the usual validators'. */
  protected errorOf(control: AbstractControl): string {
    const money = control.errors?.['money'];
    if (typeof money === 'string' && !control.errors?.['server']) {
      return money;
    }
    if (control.errors?.['min'] || control.errors?.['max']) {
      return 'Saisissez un nombre entre 0 et 100.';
    }
    return fieldErrorMessage(control);
  }

  hasUnsavedChanges(): boolean {
    return !this.saved && this.form.dirty;
  }

  /** For the route's guard: asks before leaving with unsaved changes. */
  confirmLeave(): Observable<boolean> {
    if (!this.hasUnsavedChanges()) {
      return of(true);
    }
    return confirmAction(this.dialog, {
      title: 'Quitter sans enregistrer\u00a0?',
      message: 'Les modifications de la fiche seront perdues.',
      confirmLabel: 'Quitter sans enregistrer',
      destructive: true,
    });
  }

  /**
   * Lays the user's changes over the version saved in between: fields they changed keep their values, the others
   * take the new ones; the next save is made on the new version.
   */
  protected reapply(): void {
    const notice = this.conflict();
    const base = this.base();
    if (!notice || !base) {
      return;
    }
    const mine = toProjectInput(this.form, this.progressSetByUser);
    const merged = mergeOnto(inputOf(base), mine, inputOf(notice.current));
    this.base.set(notice.current);
    fillProjectForm(this.form, merged);
    this.form.markAsDirty();
    this.conflict.set(null);
    this.saveError.set('');
  }

  protected save(): void {
    if (this.saving()) {
      return;
    }
    this.saveError.set('');
    this.otherErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.saveError.set('Certains champs sont à corriger : voyez les messages sous les champs.');
      return;
    }
    const input = toProjectInput(this.form, this.progressSetByUser);
    const base = this.base();
    let request: Observable<ProjectDto>;
    if (base) {
      request = this.api.updateProject(base.id, { ...changesSince(inputOf(base), input), version: base.version });
    } else {
      const insee = this.insee();
      if (!insee) {
        return;
      }
      request = this.api.createProject(insee, input);
    }
    this.saving.set(true);
    request.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: (project) => {
        this.saved = true;
        void this.router.navigate(['/espace/projets', project.id]);
      },
      error: (error: unknown) => this.showSaveError(error),
    });
  }

  private showSaveError(error: unknown): void {
    if (apiErrorCode(error) === 'PROJECT_VERSION_CONFLICT') {
      const current = (error as { error: ProjectConflictError }).error.current;
      const base = this.base();
      const fields = base ? changedFields(inputOf(base), inputOf(current)) : [];
      this.conflict.set({
        current,
        changes: fields.map((field) => ({
          field,
          label: PROJECT_FIELD_LABELS[field],
          value: formatChangeValue(field, current[field]),
        })),
      });
      return;
    }
    const unmatched: string[] = [];
    for (const [path, message] of Object.entries(apiFieldErrors(error))) {
      const control = this.form.get(path);
      if (control) {
        control.setErrors({ ...control.errors, server: message });
        control.markAsTouched();
      } else {
        unmatched.push(message);
      }
    }
    this.otherErrors.set(unmatched);
    this.saveError.set(apiErrorMessage(error, 'L’enregistrement a échoué. Vos saisies sont conservées : réessayez.'));
  }
}
