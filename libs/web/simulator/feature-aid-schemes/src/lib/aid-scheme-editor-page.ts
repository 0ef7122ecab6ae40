import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  AID_DESTINATION_LABELS,
  AID_DESTINATIONS,
  AID_KIND_LABELS,
  AID_KINDS,
  type AidSchemeDto,
  type AidSchemeTestCaseCheck,
  type AidSchemeTestCaseRun,
  type AidSchemeTestRuleRequest,
  CAP_GROUP_LABELS,
  CAP_GROUPS,
  FUNDER_LABELS,
  FUNDERS,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
  TAX_BASES,
  type UpdateAidSchemeRequest,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { MoneyInput } from '@passerelle/web/projects/ui-project';
import { PageTitle } from '@passerelle/web/shared/data-access';
import { confirmAction, ErrorSummary, type ErrorSummaryItem, formErrorItems } from '@passerelle/web/shared/ui-material';
import { apiErrorCode, apiErrorMessage, apiFieldErrors, formatCalendarDay, todayInParis } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { SimulatorApi } from '@passerelle/web/simulator/data-access';
import { map, type Observable, of, startWith } from 'rxjs';
import {
  AID_SCHEME_LIMITS,
  aidSchemeFieldError,
  aidSchemeFieldLabel,
  aidSchemeFieldsOf,
  aidSchemeForm,
  clearServerErrors,
  controlOf,
  fillAidSchemeForm,
  linkForm,
  newVersionStart,
  startingVersion,
  versionInputOf,
  versionKey,
} from './aid-scheme-form';
import { versionPeriod } from './aid-scheme-labels';
import { TestCaseRuns } from './test-case-runs';

const CONFLICT_MESSAGE =
  'Quelqu’un d’autre a modifié ce dispositif depuis que vous l’avez ouvert\u00a0: rien n’est enregistré. ' +
  'Notez vos changements si besoin, puis rechargez la version actuelle.';

/** The saved cases a refused edit would change, from the body of the 409 `AID_SCHEME_TEST_CASES_CHANGED`. */
function changedTestCasesOf(error: unknown): AidSchemeTestCaseRun[] | null {
  if (apiErrorCode(error) !== 'AID_SCHEME_TEST_CASES_CHANGED') {
    return null;
  }
  const body = (error as { error?: { changedTestCases?: unknown } }).error;
  return Array.isArray(body?.changedTestCases) ? (body.changedTestCases as AidSchemeTestCaseRun[]) : [];
}

/**
 * `/departement/dispositifs/nouveau` and `/departement/dispositifs/:id/modifier` (the département's admins): the
 * scheme's fields and its rule, in euros and percentages. An edit starts from the version in force (or the latest);
 * a changed rule is saved as a new dated version. « Tester la règle » runs the saved test cases with the rule of the
 * form without saving anything; a save that would change their results is refused until the admin accepts them.
 */
@Component({
  selector: 'pas-aid-scheme-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    ErrorSummary,
    MoneyInput,
    TestCaseRuns,
  ],
  templateUrl: './aid-scheme-editor-page.html',
  styleUrl: './aid-scheme-editor-page.scss',
})
export class AidSchemeEditorPage {
  /** The scheme's id, from the route; none for a new scheme. */
  readonly id = input<string>();

  private readonly api = inject(SimulatorApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly pageTitle = inject(PageTitle);
  private readonly session = inject(AuthSession);
  private readonly notice = viewChild<ElementRef<HTMLElement>>('notice');

  /** A new scheme may be national for the installation's admins only. */
  protected readonly canCreateNational = computed(() => !this.id() && this.session.user()?.installationAdmin === true);
  protected readonly national = new FormControl(false, { nonNullable: true });

  protected readonly limits = AID_SCHEME_LIMITS;
  protected readonly funders = FUNDERS;
  protected readonly funderLabels = FUNDER_LABELS;
  protected readonly kinds = AID_KINDS;
  protected readonly kindLabels = AID_KIND_LABELS;
  protected readonly destinations = AID_DESTINATIONS;
  protected readonly destinationLabels = AID_DESTINATION_LABELS;
  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly bases = TAX_BASES;
  protected readonly capGroups = CAP_GROUPS;
  protected readonly capGroupLabels = CAP_GROUP_LABELS;
  protected readonly fieldError = aidSchemeFieldError;

  protected readonly form = aidSchemeForm();
  protected readonly rule = this.form.controls.rule.controls;
  protected readonly links = this.form.controls.links;
  protected readonly sources = this.form.controls.rule.controls.sources;

  protected readonly loaded = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getScheme(params),
  });
  /** The scheme as last read: its version (sent back to detect a concurrent edit) and its test cases. */
  protected readonly scheme = signal<AidSchemeDto | null>(null);
  protected readonly editing = computed(() => !!this.id());
  protected readonly loadError = computed(() => apiErrorMessage(this.loaded.error(), 'Ce dispositif n’a pas pu être chargé.'));
  protected readonly readOnly = computed(() => this.scheme()?.editable === false);

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { requireSync: true },
  );
  /** The rule and its dates as filled from the API: an edit adds a version only when they changed. */
  private readonly startKey = signal<string | null>(null);
  /** Which version the form was filled from, said above the rule. */
  protected readonly startNote = signal<string | null>(null);
  protected readonly addsVersion = computed(() => {
    const start = this.startKey();
    return start === null || versionKey(this.value()) !== start;
  });
  protected readonly validFromText = computed(() => {
    const day = this.value().validFrom;
    return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatCalendarDay(day) : '…';
  });

  protected readonly testCaseCount = computed(() => this.scheme()?.testCases?.length ?? 0);
  protected readonly checks = signal<AidSchemeTestCaseCheck[] | null>(null);
  /** The form changed since the last « Tester la règle ». */
  protected readonly checksStale = signal(false);
  protected readonly checksSummary = computed(() => {
    const checks = this.checks() ?? [];
    const failed = checks.filter((check) => !check.passed).length;
    if (failed === 0) {
      return checks.length === 1 ? 'Le cas de test donne le même résultat.' : `Les ${checks.length} cas de test donnent le même résultat.`;
    }
    return `${failed} cas sur ${checks.length} ${failed === 1 ? 'donne' : 'donnent'} un résultat différent.`;
  });
  /** The cases a save would change (409), with the request that was refused, to send again once accepted. */
  protected readonly changed = signal<AidSchemeTestCaseRun[] | null>(null);
  private refused: UpdateAidSchemeRequest | null = null;

  protected readonly busy = busyFlag();
  protected readonly testing = busyFlag();
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly conflict = signal(false);

  constructor() {
    this.form.controls.validFrom.setValue(todayInParis());
    effect(() => {
      if (this.loaded.hasValue()) {
        const scheme = this.loaded.value();
        untracked(() => this.fill(scheme));
      }
    });
    // What was tested or refused was the form as it was then: a change makes the results stale.
    this.form.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => {
      if (this.checks()) {
        this.checksStale.set(true);
      }
      if (this.changed()) {
        this.changed.set(null);
        this.refused = null;
      }
    });
  }

  /** Asked by the route before leaving with unsaved changes. */
  confirmLeave(): Observable<boolean> {
    if (!this.form.dirty || this.busy()) {
      return of(true);
    }
    return confirmAction(this.dialog, {
      title: 'Quitter sans enregistrer\u00a0?',
      message: 'Vos modifications de ce dispositif ne sont pas enregistrées\u00a0: elles seront perdues.',
      confirmLabel: 'Quitter sans enregistrer',
      destructive: true,
    });
  }

  protected addLink(): void {
    this.addRow(this.links, 'links', AID_SCHEME_LIMITS.linksMax);
  }

  protected addSource(): void {
    this.addRow(this.sources, 'rule-sources', AID_SCHEME_LIMITS.sourcesMax);
  }

  protected removeLink(index: number): void {
    this.links.removeAt(index);
    this.links.markAsDirty();
  }

  protected removeSource(index: number): void {
    this.sources.removeAt(index);
    this.sources.markAsDirty();
  }

  protected reloadCurrent(): void {
    this.conflict.set(false);
    this.message.set(null);
    this.loaded.reload();
  }

  protected testRule(): void {
    const scheme = this.scheme();
    if (!scheme || this.testing() || !this.validate()) {
      return;
    }
    this.message.set(null);
    this.testing.track(this.api.testRule(scheme.id, this.updateRequest(scheme))).subscribe({
      next: (result) => {
        this.checks.set(result.checks);
        this.checksStale.set(false);
        this.focus('editor-checks');
      },
      error: (error: unknown) => this.failed(error, null),
    });
  }

  protected save(): void {
    if (this.busy()) {
      return;
    }
    this.message.set(null);
    this.conflict.set(false);
    if (!this.validate()) {
      return;
    }
    const scheme = this.scheme();
    if (scheme) {
      this.update(scheme, this.updateRequest(scheme));
      return;
    }
    const value = this.form.getRawValue();
    const national = this.canCreateNational() && this.national.value ? { national: true } : {};
    this.busy.track(this.api.createScheme({ ...aidSchemeFieldsOf(value), ...national, firstVersion: versionInputOf(value) })).subscribe({
      next: (created) => this.done(created, 'Dispositif créé.'),
      error: (error: unknown) => this.failed(error, null),
    });
  }

  /** « Enregistrer et accepter les nouveaux résultats »: the refused request again, the changed cases accepted. */
  protected acceptChanges(): void {
    const scheme = this.scheme();
    if (!scheme || !this.refused || this.busy()) {
      return;
    }
    this.update(scheme, { ...this.refused, acceptChangedTestCases: true });
  }

  private update(scheme: AidSchemeDto, request: UpdateAidSchemeRequest): void {
    this.busy.track(this.api.updateScheme(scheme.id, request)).subscribe({
      next: (result) => {
        const accepted = result.changedTestCases.length;
        this.done(
          result.scheme,
          accepted === 0
            ? 'Dispositif enregistré.'
            : `Dispositif enregistré\u00a0; ${accepted === 1 ? 'un cas de test a pris son nouveau résultat' : `${accepted} cas de test ont pris leur nouveau résultat`}.`,
        );
      },
      error: (error: unknown) => this.failed(error, request),
    });
  }

  /** What « Enregistrer » would send, without the acceptance: also the body of « Tester la règle ». */
  private updateRequest(scheme: AidSchemeDto): AidSchemeTestRuleRequest {
    const value = this.form.getRawValue();
    const request: AidSchemeTestRuleRequest = { ...aidSchemeFieldsOf(value), version: scheme.version };
    if (this.addsVersion()) {
      request.newVersion = versionInputOf(value);
    }
    return request;
  }

  private validate(): boolean {
    clearServerErrors(this.form);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.errorSummary.set(this.errorItems());
      return false;
    }
    this.errorSummary.set([]);
    return true;
  }

  private done(scheme: AidSchemeDto, text: string): void {
    this.form.markAsPristine();
    this.changed.set(null);
    this.refused = null;
    this.snackBar.open(text, 'OK', { duration: 6000 });
    void this.router.navigate(['/departement/dispositifs', scheme.id]);
  }

  private failed(error: unknown, request: UpdateAidSchemeRequest | null): void {
    const changed = changedTestCasesOf(error);
    if (changed && request) {
      this.refused = request;
      this.changed.set(changed);
      this.focus('editor-changed');
      return;
    }
    if (apiErrorCode(error) === 'AID_SCHEME_VERSION_CONFLICT') {
      this.conflict.set(true);
      this.say(CONFLICT_MESSAGE, true);
      return;
    }
    const outside: ErrorSummaryItem[] = [];
    for (const [path, text] of Object.entries(apiFieldErrors(error))) {
      const control = controlOf(this.form, path);
      if (control) {
        control.setErrors({ ...control.errors, server: text });
        control.markAsTouched();
      } else {
        outside.push({ label: '', message: text, fieldId: null });
      }
    }
    const items = [...this.errorItems(), ...outside];
    if (items.length > 0) {
      this.errorSummary.set(items);
      return;
    }
    this.say(apiErrorMessage(error, 'Le dispositif n’a pas pu être enregistré. Réessayez.'), true);
  }

  private fill(scheme: AidSchemeDto): void {
    this.scheme.set(scheme);
    const version = startingVersion(scheme);
    fillAidSchemeForm(this.form, scheme, version, newVersionStart(scheme, todayInParis()));
    this.startKey.set(versionKey(this.form.getRawValue()));
    const period = version ? versionPeriod(version).toLowerCase() : null;
    this.startNote.set(
      period === null
        ? null
        : scheme.current
          ? `Le formulaire part de la version en vigueur (${period}).`
          : `Aucune version n’est en vigueur aujourd’hui\u00a0: le formulaire part de la dernière (${period}).`,
    );
    this.checks.set(null);
    this.changed.set(null);
    this.refused = null;
    this.pageTitle.set('Modifier le dispositif', scheme.name);
  }

  private errorItems(): ErrorSummaryItem[] {
    return formErrorItems(this.form, { label: aidSchemeFieldLabel, message: aidSchemeFieldError });
  }

  private addRow(list: typeof this.links, idPrefix: string, max: number): void {
    if (list.length >= max) {
      return;
    }
    list.push(linkForm());
    list.markAsDirty();
    const index = list.length - 1;
    afterNextRender(() => this.document.getElementById(`field-${idPrefix}-${index}-label`)?.focus(), { injector: this.injector });
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }

  /** Said above the buttons, and focused so that it is read out and seen on a phone. */
  private say(text: string, error: boolean): void {
    this.message.set({ text, error });
    afterNextRender(() => this.notice()?.nativeElement.focus(), { injector: this.injector });
  }
}
