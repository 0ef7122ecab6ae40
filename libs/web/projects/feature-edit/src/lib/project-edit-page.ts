import { Location, NgTemplateOutlet } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
  type WritableSignal,
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
import { RouterLink } from '@angular/router';
import {
  DEFAULT_PROGRESS,
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
import { ofPlace } from '@passerelle/shared/util-french';
import { ProjectsApi } from '@passerelle/web/projects/data-access';
import {
  formatChangeValue,
  FundingLinesEditor,
  fundingLineSummaryLabel,
  MoneyInput,
  provideFrenchDatepickerIntl,
} from '@passerelle/web/projects/ui-project';
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
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { catchError, finalize, type Observable, of } from 'rxjs';
import type { ProjectCreatedState } from './project-create-page';
import {
  changedFields,
  changesSince,
  createProjectForm,
  fillProjectForm,
  inputOf,
  mergeOnto,
  milestoneGroup,
  pickSection,
  PROJECT_FIELD_LABELS,
  PROJECT_SECTIONS,
  type ProjectSection,
  type ProjectSectionId,
  sectionById,
  sectionDirty,
  sectionOfPath,
  toProjectInput,
} from './project-form';

export interface ConflictNotice {
  /** The section whose save was refused: the notice shows there, where the user is. */
  section: ProjectSectionId;
  current: ProjectDto;
  /** What someone else changed since the user opened the form, with the new value in words. */
  changes: { field: keyof ProjectInput; label: string; value: string }[];
}

/** Inputs where Enter saves the section (as it would submit a one-section form); not text areas, lists or boxes. */
const ENTER_SAVES = new Set(['text', 'number', 'email', 'tel', 'url', 'search']);
const SAVED = 'Section enregistrée.';

/**
 * `/espace/projets/:id/modifier`: the fiche as a form in sections, each saved on its own with only its changed fields
 * and the current version; the other sections keep what was typed (and count as unsaved when leaving). Keeps
 * everything typed on a failure, shows the API's field errors under their fields and in the section's summary, and
 * on a concurrent save (409) lists what the other person changed and lets the user lay their changes over the new
 * version.
 */
@Component({
  selector: 'pas-project-edit-page',
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
    FundingLinesEditor,
    LocationMap,
    ErrorSummary,
    NgTemplateOutlet,
  ],
  providers: [provideFrenchDates(), provideFrenchDatepickerIntl()],
  // On the host rather than on each section: the sections are no interactive elements of their own.
  host: { '(keydown.enter)': 'enterIn($event)' },
  templateUrl: './project-edit-page.html',
  styleUrl: './project-edit-page.scss',
})
export class ProjectEditPage {
  /** The project's id from the route. */
  readonly id = input.required<string>();

  private readonly api = inject(ProjectsApi);
  private readonly territory = inject(TerritoryApi);
  private readonly injector = inject(Injector);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = createProjectForm();
  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly statuses = PROJECT_STATUSES;
  protected readonly statusLabels = PROJECT_STATUS_LABELS;

  protected readonly sections = PROJECT_SECTIONS;
  protected readonly project = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getProject(params),
  });
  /** The version the user's changes are made on: the loaded fiche, then the one they chose to reapply onto. */
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.project.error(), 'Impossible de charger la fiche projet.'),
  );
  protected readonly base = signal<ProjectDto | null>(null);
  protected readonly insee = computed(() => this.base()?.commune.insee);
  protected readonly commune = rxResource({
    params: () => this.insee(),
    stream: ({ params }) => this.territory.getCommune(params),
  });
  protected readonly mapLabel = computed(() => {
    const name = this.commune.value()?.name;
    return `Carte ${name ? ofPlace(name) : 'de la commune'}\u00a0: cliquez ou utilisez le clavier pour placer le projet`;
  });
  protected readonly config = toSignal(inject(PublicConfig).load().pipe(catchError(() => of(null))), {
    initialValue: null,
  });

  /** « Projet créé… » when the create screen led here. */
  protected readonly createdNotice = signal(
    (inject(Location).getState() as ProjectCreatedState | null)?.projectCreated
      ? 'Projet créé. Complétez la fiche section par section\u00a0; chaque section s’enregistre à part.'
      : '',
  );
  /** One section saves at a time: each save starts from the version the previous one returned. */
  protected readonly savingSection = signal<ProjectSectionId | null>(null);
  /** « Section enregistrée. » and the like, in each section's status line. */
  protected readonly sectionStatus = signal<Partial<Record<ProjectSectionId, string>>>({});
  /** The fields to correct, listed at the top of the section after a failed save. */
  protected readonly sectionErrors = signal<Partial<Record<ProjectSectionId, ErrorSummaryItem[]>>>({});
  /** A save that failed for another reason than a field (network, server), with field errors matching no control. */
  protected readonly sectionFailure = signal<Partial<Record<ProjectSectionId, { message: string; others: string[] }>>>({});
  protected readonly conflict = signal<ConflictNotice | null>(null);
  /** Each change of a control's value or dirty state, so that the table of contents marks unsaved sections. */
  private readonly formEvents = toSignal(this.form.events, { initialValue: null });
  protected readonly unsavedSections = computed(() => {
    this.formEvents();
    this.base();
    return new Set(PROJECT_SECTIONS.filter((section) => sectionDirty(this.form, section)).map((section) => section.id));
  });
  protected readonly mapMessage = signal('');
  /** The commune's interior point, for « Centre du village ». */
  protected readonly centre = computed<LatLng | null>(() => this.commune.value()?.center ?? null);
  protected readonly searching = busyFlag();
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

  protected readonly fieldErrorMessage = fieldErrorMessage;

  constructor() {
    effect(() => {
      if (this.project.hasValue()) {
        const project = this.project.value();
        untracked(() => {
          this.base.set(project);
          fillProjectForm(this.form, inputOf(project));
          this.form.markAsPristine();
          if (this.createdNotice()) {
            // After the shell's focus on the heading: the confirmation is read first, then the form.
            afterNextRender(() => this.focusById('created-notice'), { injector: this.injector });
          }
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

  protected placeAtCentre(): void {
    const centre = this.centre();
    if (!centre) {
      return;
    }
    this.form.controls.location.patchValue({ lat: centre.lat, lng: centre.lng });
    this.form.controls.location.markAsDirty();
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
    this.addressMessage.set('Recherche de l’adresse…');
    this.api
      .geocode({ q, insee })
      .pipe(this.searching.track)
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
    this.form.controls.location.markAsDirty();
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
    this.form.controls.location.markAsDirty();
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
    return this.form.dirty;
  }

  /** For the route's guard: asks before leaving with unsaved changes, naming the sections that have them. */
  confirmLeave(): Observable<boolean> {
    if (!this.hasUnsavedChanges()) {
      return of(true);
    }
    const titles = PROJECT_SECTIONS.filter((section) => sectionDirty(this.form, section)).map(
      (section) => `«\u00a0${section.title}\u00a0»`,
    );
    return confirmAction(this.dialog, {
      title: 'Quitter sans enregistrer\u00a0?',
      message:
        titles.length > 1
          ? `Les sections ${titles.join(', ')} ont des modifications non enregistrées\u00a0: elles seront perdues.`
          : `La section ${titles[0] ?? ''} a des modifications non enregistrées\u00a0: elles seront perdues.`,
      confirmLabel: 'Quitter sans enregistrer',
      destructive: true,
    });
  }

  protected titleOf(id: ProjectSectionId): string {
    return sectionById(id).title;
  }

  /** The section's last message; « Section enregistrée. » no longer holds once the section is changed again. */
  protected statusOf(id: ProjectSectionId): string {
    const status = this.sectionStatus()[id] ?? '';
    return status === SAVED && this.unsavedSections().has(id) ? '' : status;
  }

  protected failureOf(id: ProjectSectionId): { message: string; others: string[] } | undefined {
    return this.sectionFailure()[id];
  }

  /** The table of contents moves focus to the section's heading (a plain `#` link would leave the app's route). */
  protected goToSection(event: Event, id: ProjectSectionId): void {
    event.preventDefault();
    this.focusById(`s-${id}`);
  }

  /** Enter in a one-line field saves its section, as it would submit a short form (the address field searches). */
  protected enterIn(event: Event): void {
    const target = event.target;
    if (event.defaultPrevented || !(target instanceof HTMLInputElement) || !ENTER_SAVES.has(target.type)) {
      return;
    }
    const heading = target.closest('section[aria-labelledby^="s-"]')?.getAttribute('aria-labelledby');
    const section = PROJECT_SECTIONS.find((candidate) => `s-${candidate.id}` === heading);
    if (section) {
      event.preventDefault();
      this.saveSection(section.id);
    }
  }

  /**
   * Saves one section: only its fields that differ from the version the page holds, with that version. The other
   * sections keep what was typed in them, unsaved. The version returned becomes the base of the next save.
   */
  protected saveSection(id: ProjectSectionId): void {
    const base = this.base();
    if (!base || this.savingSection() || this.conflict()) {
      return;
    }
    const section = sectionById(id);
    this.clearSectionMessages(id);
    const controls = section.fields.map((field) => this.form.controls[field]);
    if (controls.some((control) => control.invalid)) {
      controls.forEach((control) => control.markAllAsTouched());
      this.showSectionErrors(section);
      return;
    }
    const changes = pickSection(changesSince(inputOf(base), toProjectInput(this.form, this.progressSetByUser)), section);
    if (Object.keys(changes).length === 0) {
      controls.forEach((control) => control.markAsPristine());
      this.setSection(this.sectionStatus, id, 'Aucune modification à enregistrer dans cette section.');
      return;
    }
    const sent = this.sectionInput(section);
    this.savingSection.set(id);
    this.api
      .updateProject(base.id, { ...changes, version: base.version })
      .pipe(finalize(() => this.savingSection.set(null)))
      .subscribe({
        next: (project) => {
          this.base.set(project);
          // Typed into the section while it was being saved: that change is not saved yet.
          if (this.sectionInput(section) === sent) {
            controls.forEach((control) => control.markAsPristine());
          }
          this.setSection(this.sectionStatus, id, SAVED);
        },
        error: (error: unknown) => this.showSaveError(section, error),
      });
  }

  /** What the section's fields hold now, as the API would receive them (for a comparison). */
  private sectionInput(section: ProjectSection): string {
    const input = toProjectInput(this.form, this.progressSetByUser);
    return JSON.stringify(section.fields.map((field) => input[field] ?? null));
  }

  /**
   * Lays the user's changes (every section's) over the version saved in between: fields they changed keep their
   * values, the others take the new ones; the next save is made on the new version. Unsaved sections stay unsaved.
   */
  protected reapply(): void {
    const notice = this.conflict();
    const base = this.base();
    if (!notice || !base) {
      return;
    }
    const unsaved = PROJECT_SECTIONS.filter((section) => sectionDirty(this.form, section));
    const mine = toProjectInput(this.form, this.progressSetByUser);
    const merged = mergeOnto(inputOf(base), mine, inputOf(notice.current));
    this.base.set(notice.current);
    fillProjectForm(this.form, merged);
    this.form.markAsPristine();
    for (const section of unsaved) {
      section.fields.forEach((field) => this.form.controls[field].markAsDirty());
    }
    this.conflict.set(null);
    this.setSection(
      this.sectionStatus,
      notice.section,
      'Vos modifications sont reprises sur la nouvelle version\u00a0: relisez puis enregistrez la section.',
    );
    // The notice and its button are gone: the focus goes to the section's save button, not to the top of the page.
    afterNextRender(() => this.focusById(`save-${notice.section}`), { injector: this.injector });
  }

  private showSaveError(section: ProjectSection, error: unknown): void {
    if (apiErrorCode(error) === 'PROJECT_VERSION_CONFLICT') {
      const current = (error as { error: ProjectConflictError }).error.current;
      const base = this.base();
      const fields = base ? changedFields(inputOf(base), inputOf(current)) : [];
      this.conflict.set({
        section: section.id,
        current,
        changes: fields.map((field) => ({
          field,
          label: PROJECT_FIELD_LABELS[field],
          value: formatChangeValue(field, current[field]),
        })),
      });
      afterNextRender(() => this.focusById('conflict'), { injector: this.injector });
      return;
    }
    const fieldErrors = apiFieldErrors(error);
    const unmatched: string[] = [];
    const elsewhere: string[] = [];
    for (const [path, message] of Object.entries(fieldErrors)) {
      const control = this.form.get(path);
      if (control) {
        control.setErrors({ ...control.errors, server: message });
        control.markAsTouched();
        if (sectionOfPath(path)?.id !== section.id) {
          elsewhere.push(path);
        }
      } else {
        unmatched.push(message);
      }
    }
    if (Object.keys(fieldErrors).length > 0) {
      this.showSectionErrors(section, unmatched, elsewhere);
      return;
    }
    this.setSection(this.sectionFailure, section.id, {
      message: apiErrorMessage(error, 'L’enregistrement de la section a échoué. Vos saisies sont conservées\u00a0: réessayez.'),
      others: unmatched,
    });
  }

  /**
   * Lists the section's fields to correct at its top (the summary takes focus), with the fields of other sections the
   * API named for this save (a cost lowered below a funding request is reported on the funding line).
   */
  private showSectionErrors(section: ProjectSection, unmatched: string[] = [], elsewhere: string[] = []): void {
    const ids = new Set(elsewhere.map((path) => `field-${path.replace(/\./g, '-')}`));
    const inSection = (fieldId: string) =>
      section.fields.some((field) => fieldId === `field-${field}` || fieldId.startsWith(`field-${field}-`));
    const items = formErrorItems(this.form, { label: summaryLabel, message: (control) => this.errorOf(control) }).filter(
      (item) => item.fieldId !== null && (inSection(item.fieldId) || ids.has(item.fieldId)),
    );
    this.setSection(this.sectionErrors, section.id, [
      ...items,
      ...unmatched.map((message) => ({ label: '', message, fieldId: null })),
    ]);
  }

  private clearSectionMessages(id: ProjectSectionId): void {
    const without = <T>(all: Partial<Record<ProjectSectionId, T>>) => {
      const rest = { ...all };
      delete rest[id];
      return rest;
    };
    this.sectionStatus.update(without);
    this.sectionErrors.update(without);
    this.sectionFailure.update(without);
  }

  private setSection<T>(messages: WritableSignal<Partial<Record<ProjectSectionId, T>>>, id: ProjectSectionId, value: T): void {
    messages.update((all) => ({ ...all, [id]: value }));
  }

  private focusById(id: string): void {
    const element = this.host.nativeElement.querySelector<HTMLElement>(`#${id}`);
    if (element) {
      element.scrollIntoView?.({ block: 'start' });
      element.focus();
    }
  }
}


/** Names the repeated fields with their line (the label on the page alone would not say which line). */
function summaryLabel(path: string): string | undefined {
  const funding = fundingLineSummaryLabel(path);
  if (funding !== undefined) {
    return funding;
  }
  const [group, index, field] = path.split('.');
  const line = Number(index) + 1;
  if (group === 'milestones' && field) {
    return field === 'date' ? `Date de l’étape ${line}` : `Intitulé de l’étape ${line}`;
  }
  return undefined;
}
