import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type AidSchemeTestCaseDto,
  type AidSchemeTestExpectation,
  type AidSchemeVersionDto,
  type CommuneSummaryDto,
  DEROGATION_LABELS,
  DEROGATIONS,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { MoneyInput } from '@passerelle/web/projects/ui-project';
import { PageTitle } from '@passerelle/web/shared/data-access';
import { ErrorSummary, type ErrorSummaryItem, formErrorItems, showServerErrors } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCalendarDay, formatEuros, formatInhabitants, todayInParis } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { SimulatorApi } from '@passerelle/web/simulator/data-access';
import { communeSuggestions, TerritoryApi } from '@passerelle/web/territory/data-access';
import { funderText, ruleDetails, schemeKindText, versionPeriod } from './aid-scheme-labels';
import { TEST_CASE_API_FIELDS, testCaseFieldError, testCaseFieldLabel, testCaseForm, testCaseRequestOf } from './test-case-form';

/**
 * `/departement/dispositifs/:id` (agents and admins): one scheme, its links and every dated version of its rule with
 * its sources, newest first. The département's admins also see its saved test cases (« Tester la règle » runs them
 * again before an edit is saved) and add new ones: a simulation whose current line becomes the expected one.
 */
@Component({
  selector: 'pas-aid-scheme-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ErrorSummary,
    MoneyInput,
  ],
  templateUrl: './aid-scheme-page.html',
  styleUrl: './aid-scheme-page.scss',
})
export class AidSchemePage {
  /** The scheme's id, from the route. */
  readonly id = input.required<string>();

  private readonly api = inject(SimulatorApi);
  private readonly territory = inject(TerritoryApi);
  private readonly session = inject(AuthSession);
  private readonly pageTitle = inject(PageTitle);
  private readonly injector = inject(Injector);
  private readonly notice = viewChild<ElementRef<HTMLElement>>('notice');

  protected readonly kindText = schemeKindText;
  protected readonly funder = funderText;
  protected readonly period = versionPeriod;
  protected readonly details = ruleDetails;
  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly derogations = DEROGATIONS;
  protected readonly derogationLabels = DEROGATION_LABELS;
  protected readonly fieldError = testCaseFieldError;

  protected readonly scheme = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getScheme(params),
  });
  protected readonly loadError = computed(() => apiErrorMessage(this.scheme.error(), 'Ce dispositif n’a pas pu être chargé.'));

  protected readonly caseForm = testCaseForm();
  protected readonly caseErrors = signal<ErrorSummaryItem[]>([]);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly adding = busyFlag();

  protected readonly communeSuggestions = communeSuggestions(this.caseForm.controls.commune.valueChanges, () => this.session.user()?.departement.code);

  constructor() {
    effect(() => {
      const scheme = this.scheme.value();
      if (scheme) {
        untracked(() => this.pageTitle.set('Dispositif d’aide', scheme.name));
      }
    });
  }

  protected isCurrent(version: AidSchemeVersionDto): boolean {
    return this.scheme.value()?.current?.id === version.id;
  }

  protected displayCommune(value: string | CommuneSummaryDto | null): string {
    return typeof value === 'string' || value === null ? (value ?? '') : `${value.name} (${value.insee})`;
  }

  protected themeOf(testCase: AidSchemeTestCaseDto): string {
    return PROJECT_THEME_LABELS[testCase.input.theme];
  }

  protected communeOf(testCase: AidSchemeTestCaseDto): string {
    return `${testCase.input.communeInsee} (${formatInhabitants(testCase.input.communePopulation)})`;
  }

  protected expenseOf(testCase: AidSchemeTestCaseDto): string {
    const ht = formatEuros(testCase.input.eligibleExpenseHtCents);
    return testCase.input.expenseTtcCents === null ? ht : `${ht} (TTC\u00a0: ${formatEuros(testCase.input.expenseTtcCents)})`;
  }

  protected dayOf(testCase: AidSchemeTestCaseDto): string {
    return formatCalendarDay(testCase.input.date);
  }

  /** `Éligible · minimum 36 000,00 € · maximum 144 000,00 € · retenu 144 000,00 €`. */
  protected expectedText(expected: AidSchemeTestExpectation): string {
    if (!expected.inForce) {
      return 'Aucune version en vigueur ce jour-là';
    }
    return [
      expected.eligible ? 'Éligible' : 'Non éligible',
      `minimum ${formatEuros(expected.minCents)}`,
      `maximum ${formatEuros(expected.maxCents)}`,
      `retenu ${formatEuros(expected.retainedCents)}`,
    ].join(' · ');
  }

  protected addTestCase(): void {
    const scheme = this.scheme.value();
    if (!scheme || this.adding()) {
      return;
    }
    this.message.set(null);
    this.caseForm.markAllAsTouched();
    if (this.caseForm.invalid) {
      this.caseErrors.set(this.caseErrorItems());
      return;
    }
    this.caseErrors.set([]);
    const request = testCaseRequestOf(this.caseForm);
    this.adding.track(this.api.addTestCase(scheme.id, request)).subscribe({
      next: (saved) => {
        this.caseForm.reset({ date: todayInParis() });
        this.say(`Cas de test « ${saved.name} » enregistré, avec le résultat actuel du simulateur comme résultat attendu.`, false);
        this.scheme.reload();
      },
      error: (error: unknown) => {
        if (showServerErrors(this.caseForm, error, TEST_CASE_API_FIELDS)) {
          this.caseErrors.set(this.caseErrorItems());
          return;
        }
        this.say(apiErrorMessage(error, 'Le cas de test n’a pas pu être enregistré. Réessayez.'), true);
      },
    });
  }

  private caseErrorItems(): ErrorSummaryItem[] {
    return formErrorItems(this.caseForm, { prefix: 'case', label: testCaseFieldLabel, message: testCaseFieldError });
  }

  /** Said under the form, and focused so that it is read out and seen on a phone. */
  private say(text: string, error: boolean): void {
    this.message.set({ text, error });
    afterNextRender(() => this.notice()?.nativeElement.focus(), { injector: this.injector });
  }
}
