import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
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
  GEOCODE_QUERY_LIMITS,
  type GeocodeResultDto,
  type LatLng,
  PROJECT_LIMITS,
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
import { LocationMap, pointInOutline } from '@passerelle/web/shared/ui-map';
import {
  confirmAction,
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  provideFrenchDates,
} from '@passerelle/web/shared/ui-material';
import { apiErrorCode, apiErrorMessage, apiFieldErrors } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { catchError, finalize, type Observable, of } from 'rxjs';
import { provideFrenchDatepickerIntl } from './french-datepicker-intl';
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
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSliderModule,
    MoneyInput,
    LocationMap,
    ErrorSummary,
  ],
  providers: [provideFrenchDates(), provideFrenchDatepickerIntl()],
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
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

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
  /** The fields to correct, listed at the top of the form after a failed save. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);
  protected readonly mapMessage = signal('');
  /** The commune's interior point, for « Centre du village ». */
  protected readonly centre = computed<LatLng | null>(() => this.commune.value()?.center ?? null);
  protected readonly searching = signal(false);
  protected readonly addressResults = signal<GeocodeResultDto[]>([]);
  protected readonly addressMessage = signal('');
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

  protected placeAtCentre(): void {
    const centre = this.centre();
    if (!centre) {
      return;
    }
    this.form.controls.location.patchValue({ lat: centre.lat, lng: centre.lng });
    this.form.markAsDirty();
    this.mapMessage.set('Emplacement placé au centre du village.');
  }

  /** Looks the typed address up in the commune; Enter in the field searches instead of saving the form. */
  protected searchAddress(event?: Event): void {
    event?.preventDefault();
    const insee = this.insee();
    const q = this.form.controls.location.controls.address.value.trim();
    if (this.searching() || !insee) {
      return;
    }
    this.addressResults.set([]);
    if (q.length < GEOCODE_QUERY_LIMITS.min) {
      this.addressMessage.set(`Saisissez au moins ${GEOCODE_QUERY_LIMITS.min} caractères de l’adresse pour la chercher.`);
      return;
    }
    this.searching.set(true);
    this.addressMessage.set('Recherche de l’adresse…');
    this.api
      .geocode({ q, insee })
      .pipe(finalize(() => this.searching.set(false)))
      .subscribe({
        next: ({ items }) => {
          this.addressResults.set(items);
          this.addressMessage.set(
            items.length === 0
              ? 'Aucune adresse trouvée dans la commune : vérifiez l’orthographe, ou placez le projet sur la carte.'
              : `${items.length === 1 ? 'Une adresse trouvée' : `${items.length} adresses trouvées`} : choisissez-la dans la liste ci-dessous.`,
          );
        },
        error: (error: unknown) =>
          this.addressMessage.set(
            Object.values(apiFieldErrors(error))[0] ??
              apiErrorMessage(error, 'La recherche d’adresse a échoué : placez le projet sur la carte ou utilisez « Centre du village ».'),
          ),
      });
  }

  protected chooseAddress(result: GeocodeResultDto): void {
    const outline = this.commune.value()?.outline;
    const point = { lat: result.lat, lng: result.lng };
    // The outlines are simplified: an address on the edge of the commune may fall just outside, which the API refuses.
    if (outline && !pointInOutline(point, outline)) {
      this.addressMessage.set('Cette adresse tombe hors des limites de la commune sur la carte : placez le projet sur la carte.');
      return;
    }
    this.form.controls.location.setValue({ ...point, address: result.label.slice(0, PROJECT_LIMITS.shortText) });
    this.form.markAsDirty();
    this.addressResults.set([]);
    this.addressMessage.set('');
    this.mapMessage.set(`Emplacement placé à l’adresse « ${result.label} ».`);
    // The chosen button is gone with the list: the focus goes back to the address, not to the top of the page.
    this.host.nativeElement.querySelector<HTMLElement>('#field-location-address')?.focus();
  }

  protected refused(): void {
    this.mapMessage.set('Cet endroit est en dehors de la commune : placez le point à l’intérieur de ses limites.');
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
    this.errorSummary.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showErrorSummary();
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
    if (Object.keys(apiFieldErrors(error)).length > 0) {
      this.showErrorSummary(unmatched);
      return;
    }
    this.otherErrors.set(unmatched);
    this.saveError.set(apiErrorMessage(error, 'L’enregistrement a échoué. Vos saisies sont conservées : réessayez.'));
  }

  /** Lists every field to correct at the top of the form; the summary takes focus. */
  private showErrorSummary(unmatched: string[] = []): void {
    this.errorSummary.set([
      ...formErrorItems(this.form, { label: summaryLabel, message: (control) => this.errorOf(control) }),
      ...unmatched.map((message) => ({ label: '', message, fieldId: null })),
    ]);
  }
}

const FUNDING_FIELD_LABELS: Record<string, string> = {
  funder: 'financeur',
  funderName: 'nom du financeur',
  scheme: 'dispositif',
  state: 'état',
  amountRequestedCents: 'montant demandé HT',
  amountObtainedCents: 'montant obtenu HT',
  requestedOn: 'date de la demande',
  decidedOn: 'date de la décision',
};

/** Names the repeated fields with their line (the label on the page alone would not say which line). */
function summaryLabel(path: string): string | undefined {
  const [group, index, field] = path.split('.');
  const line = Number(index) + 1;
  if (group === 'fundingLines' && field) {
    return `Financement ${line}, ${FUNDING_FIELD_LABELS[field] ?? field}`;
  }
  if (group === 'milestones' && field) {
    return field === 'date' ? `Date de l’étape ${line}` : `Intitulé de l’étape ${line}`;
  }
  return undefined;
}
