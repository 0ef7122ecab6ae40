import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
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
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  DEFAULT_PROGRESS,
  type DeptProjectDto,
  type DeptProjectInput,
  type LatLng,
  MAX_PAGE_SIZE,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { FundingLinesEditor, fundingLineSummaryLabel, MoneyInput } from '@passerelle/web/projects/ui-project';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { LocationMap } from '@passerelle/web/shared/ui-map';
import {
  confirmAction,
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  showServerErrors,
} from '@passerelle/web/shared/ui-material';
import { apiErrorCode, apiErrorMessage, apiFieldErrors } from '@passerelle/web/shared/util-format';
import { StaffApi } from '@passerelle/web/staff/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { catchError, finalize, map, type Observable, of } from 'rxjs';
import {
  changedDeptFields,
  createDeptProjectForm,
  DEPT_PROJECT_FIELD_LABELS,
  deptChangesSince,
  deptInputOf,
  fillDeptProjectForm,
  mergeDeptOnto,
  milestoneGroup,
  toDeptProjectInput,
} from './dept-project-form';

export interface DeptConflictNotice {
  current: DeptProjectDto;
  /** The fields someone else changed since the form was opened. */
  labels: string[];
}

/**
 * `/departement/projets-du-departement/nouveau` and `/:id/modifier`: the fiche of a département project as one form.
 * A change sends only the changed fields with the version it was made on; a concurrent save (409) lists what the
 * other person changed and lets the user lay their changes over the new version. Nothing typed is lost on a failure.
 */
@Component({
  selector: 'pas-dept-project-edit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MoneyInput,
    FundingLinesEditor,
    LocationMap,
    ErrorSummary,
  ],
  templateUrl: './dept-project-edit-page.html',
  styleUrl: './dept-project-edit-page.scss',
})
export class DeptProjectEditPage {
  /** The project's id from the route; none on `/nouveau`. */
  readonly id = input<string>();

  private readonly api = inject(DeptProjectsApi);
  private readonly session = inject(AuthSession);
  private readonly territory = inject(TerritoryApi);
  private readonly staff = inject(StaffApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = createDeptProjectForm();
  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly statuses = PROJECT_STATUSES;
  protected readonly statusLabels = PROJECT_STATUS_LABELS;
  protected readonly departement = computed(() => this.session.user()?.departement ?? null);
  protected readonly isAdmin = computed(() => this.session.role() === 'ADMIN');
  protected readonly creating = computed(() => !this.id());

  protected readonly project = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getProject(params),
  });
  protected readonly loadError = computed(() => apiErrorMessage(this.project.error(), 'Impossible de charger la fiche du projet.'));
  /** The version the changes are made on. */
  protected readonly base = signal<DeptProjectDto | null>(null);

  protected readonly axes = rxResource({
    params: () => this.departement()?.code,
    stream: ({ params }) => this.api.listAxes(params),
  });
  protected readonly cantons = rxResource({
    params: () => this.departement()?.code,
    stream: ({ params }) => this.territory.listCantons(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
  });
  /** Only admins name a lead (the API refuses it to agents), and only they may list the agents. */
  protected readonly agents = rxResource({
    params: () => (this.isAdmin() ? this.departement()?.code : undefined),
    stream: ({ params }) =>
      this.staff.listAgents(params, MAX_PAGE_SIZE).pipe(map((page) => page.items.filter((agent) => agent.status !== 'DISABLED'))),
  });
  protected readonly departementDetail = rxResource({
    params: () => this.departement()?.code,
    stream: ({ params }) => this.territory.getDepartement(params),
  });
  protected readonly config = toSignal(inject(PublicConfig).load().pipe(catchError(() => of(null))), { initialValue: null });

  private readonly location = toSignal(this.form.controls.location.valueChanges, { initialValue: this.form.controls.location.value });
  protected readonly point = computed<LatLng | null>(() => {
    const { lat, lng } = this.location();
    return lat != null && lng != null ? { lat, lng } : null;
  });
  protected readonly mapMessage = signal('');
  protected readonly saving = signal(false);
  protected readonly status = signal('');
  protected readonly failure = signal('');
  protected readonly errors = signal<ErrorSummaryItem[]>([]);
  protected readonly conflict = signal<DeptConflictNotice | null>(null);
  private progressSetByUser = false;
  private saved = false;

  constructor() {
    effect(() => {
      if (this.project.hasValue()) {
        const project = this.project.value();
        untracked(() => {
          this.base.set(project);
          fillDeptProjectForm(this.form, deptInputOf(project));
          this.progressSetByUser = true;
          this.form.markAsPristine();
        });
      }
    });
    this.form.controls.status.valueChanges.subscribe((status) => {
      if (!this.progressSetByUser) {
        this.form.controls.progress.setValue(DEFAULT_PROGRESS[status], { emitEvent: false });
      }
    });
  }

  protected progressChanged(): void {
    this.progressSetByUser = true;
  }

  protected addMilestone(): void {
    this.form.controls.milestones.push(milestoneGroup());
    this.form.controls.milestones.markAsDirty();
  }

  protected removeMilestone(index: number): void {
    this.form.controls.milestones.removeAt(index);
    this.form.controls.milestones.markAsDirty();
  }

  protected placed(point: LatLng): void {
    this.form.controls.location.patchValue(point);
    this.form.controls.location.markAsDirty();
    this.mapMessage.set('Emplacement placé sur la carte.');
  }

  protected refused(): void {
    this.mapMessage.set('Cet endroit est en dehors du département : placez le point à l’intérieur de ses limites.');
  }

  protected clearLocation(): void {
    this.form.controls.location.setValue({ lat: null, lng: null, address: '' });
    this.form.controls.location.markAsDirty();
    this.mapMessage.set('Emplacement retiré.');
  }

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

  /** The fields to correct, for the summary; a funding line's are named with their line (« Financement 2, dispositif »). */
  private errorItems(): ErrorSummaryItem[] {
    return formErrorItems(this.form, { label: fundingLineSummaryLabel, message: (control) => this.errorOf(control) });
  }

  /** For the route's guard: asks before leaving with unsaved changes. */
  confirmLeave(): Observable<boolean> {
    if (this.saved || !this.form.dirty) {
      return of(true);
    }
    return confirmAction(this.dialog, {
      title: 'Quitter sans enregistrer\u00a0?',
      message: 'La fiche a des modifications non enregistrées\u00a0: elles seront perdues.',
      confirmLabel: 'Quitter sans enregistrer',
      destructive: true,
    });
  }

  protected submit(): void {
    if (this.saving() || this.conflict()) {
      return;
    }
    this.status.set('');
    this.failure.set('');
    const location = this.form.controls.location.value;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set(this.errorItems());
      return;
    }
    if (location.lat == null && this.form.controls.cantonCodes.value.length === 0) {
      this.errors.set([
        { label: 'Localisation', message: 'Placez le projet sur la carte ou choisissez au moins un canton.', fieldId: 'field-cantonCodes' },
      ]);
      return;
    }
    this.errors.set([]);
    const base = this.base();
    const input = toDeptProjectInput(this.form);
    if (!base) {
      this.create(input);
      return;
    }
    const changes = deptChangesSince(deptInputOf(base), input);
    if (Object.keys(changes).length === 0) {
      this.form.markAsPristine();
      this.status.set('Aucune modification à enregistrer.');
      return;
    }
    this.saving.set(true);
    this.api
      .updateProject(base.id, { ...changes, version: base.version })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (project) => {
          this.base.set(project);
          this.form.markAsPristine();
          this.saved = true;
          this.status.set('Fiche enregistrée.');
          void this.router.navigate(['/departement/projets-du-departement', project.id]);
        },
        error: (error: unknown) => this.showError(error),
      });
  }

  private create(input: DeptProjectInput): void {
    const code = this.departement()?.code;
    if (!code) {
      return;
    }
    // Without a lead chosen (always for an agent), none is sent: the API makes the creator the lead.
    const request = this.isAdmin() && input.leadId ? input : { ...input, leadId: undefined };
    this.saving.set(true);
    this.api
      .createProject(code, request)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (project) => {
          this.saved = true;
          this.status.set('Projet créé.');
          void this.router.navigate(['/departement/projets-du-departement', project.id]);
        },
        error: (error: unknown) => this.showError(error),
      });
  }

  /** Lays the user's changes over the version saved in between; the next save is made on it. */
  protected reapply(): void {
    const notice = this.conflict();
    const base = this.base();
    if (!notice || !base) {
      return;
    }
    const mine = toDeptProjectInput(this.form);
    const merged = mergeDeptOnto(deptInputOf(base), mine, deptInputOf(notice.current));
    this.base.set(notice.current);
    fillDeptProjectForm(this.form, merged);
    this.form.markAsDirty();
    this.conflict.set(null);
    this.status.set('Vos modifications sont reprises sur la nouvelle version\u00a0: relisez puis enregistrez.');
    afterNextRender(() => this.focusById('save'), { injector: this.injector });
  }

  private showError(error: unknown): void {
    if (apiErrorCode(error) === 'DEPT_PROJECT_VERSION_CONFLICT' || (error as { status?: number }).status === 409) {
      const base = this.base();
      const current = (error as { error?: { current?: DeptProjectDto } }).error?.current;
      const show = (project: DeptProjectDto) => {
        this.conflict.set({
          current: project,
          labels: base ? changedDeptFields(deptInputOf(base), deptInputOf(project)).map((field) => DEPT_PROJECT_FIELD_LABELS[field]) : [],
        });
        afterNextRender(() => this.focusById('conflict'), { injector: this.injector });
      };
      if (current) {
        show(current);
      } else if (base) {
        this.api.getProject(base.id).subscribe({ next: show, error: (e: unknown) => this.failure.set(apiErrorMessage(e)) });
      }
      return;
    }
    if (showServerErrors(this.form, error)) {
      this.errors.set(this.errorItems());
      const unmatched = Object.entries(apiFieldErrors(error)).filter(([path]) => !this.form.get(path));
      if (unmatched.length > 0) {
        this.failure.set(unmatched.map(([, message]) => message).join(' '));
      }
      return;
    }
    this.failure.set(apiErrorMessage(error, 'L’enregistrement a échoué. Vos saisies sont conservées\u00a0: réessayez.'));
  }

  private focusById(id: string): void {
    const element = this.host.nativeElement.querySelector<HTMLElement>(`#${id}`);
    element?.scrollIntoView?.({ block: 'start' });
    element?.focus();
  }
}
