import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type CommuneSummaryDto,
  DEROGATION_LABELS,
  DEROGATIONS,
  type Derogation,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
  type ProjectSimulationRequest,
  type ProjectTheme,
  type SavedSimulationDto,
  type SimulationResult,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { ProjectsApi } from '@passerelle/web/projects/data-access';
import { downloadFile } from '@passerelle/web/shared/util-download';
import { apiErrorMessage, apiFieldErrors, formatDateTime, formatEuros, formatMoneyInput, todayInParis } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { SimulatorApi } from '@passerelle/web/simulator/data-access';
import { buildSimulationCsv, simulationCsvFileName, SimulationResultView } from '@passerelle/web/simulator/ui-simulator';
import { communeSuggestions, TerritoryApi } from '@passerelle/web/territory/data-access';
import { map, of, switchMap } from 'rxjs';
import { FundingPlanPicker, type FundingPlanChoice } from './funding-plan-picker';
import { buildSimulationRequest, type SimulationFormField } from './simulation-form';

export type SimulatorArea = 'commune' | 'departement';

/** What the result section shows: the simulation just computed, or one saved with the project. */
interface ShownResult {
  result: SimulationResult;
  /** The saved simulation's id; `null` for one computed and not saved. */
  id: string | null;
  savedAt: string | null;
  savedBy: string | null;
  /** The request that computed it, to save it before adding its aids to the fiche. */
  request: ProjectSimulationRequest | null;
}

/** The API's field names, mapped onto the form's, so that a refused value is shown under its own field. */
const API_FIELDS: Record<string, SimulationFormField> = {
  theme: 'theme',
  eligibleExpenseHtCents: 'expenseHt',
  expenseTtcCents: 'expenseTtc',
  privateFundingCents: 'privateFunding',
  date: 'date',
  derogationShareBp: 'derogationShare',
};

/**
 * « Simuler les aides »: `/espace/simulateur` (the commune's own), `/espace/projets/:id/simulateur` (pre-filled from
 * the project, whose simulations can be saved and read again) and `/departement/simulateur?commune=` (an agent helping
 * a commune).
 */
@Component({
  selector: 'pas-simulator-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    SimulationResultView,
    FundingPlanPicker,
  ],
  templateUrl: './simulator-page.html',
  styleUrl: './simulator-page.scss',
})
export class SimulatorPage {
  private readonly session = inject(AuthSession);
  private readonly api = inject(SimulatorApi);
  private readonly projects = inject(ProjectsApi);
  private readonly territory = inject(TerritoryApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  /** From the route's data. */
  readonly area = input<SimulatorArea>('commune');
  /** The project's id, from `/espace/projets/:id/simulateur`. */
  readonly id = input<string>();
  /** The commune's INSEE code, from `?commune=` in the back office. */
  readonly commune = input<string>();

  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly derogations = DEROGATIONS;
  protected readonly derogationLabels = DEROGATION_LABELS;
  protected readonly euros = formatEuros;
  protected readonly when = formatDateTime;

  protected readonly form = new FormGroup({
    theme: new FormControl<ProjectTheme | null>(null),
    expenseHt: new FormControl('', { nonNullable: true }),
    expenseTtc: new FormControl('', { nonNullable: true }),
    privateFunding: new FormControl('', { nonNullable: true }),
    date: new FormControl(todayInParis(), { nonNullable: true }),
    spendingStarted: new FormControl(false, { nonNullable: true }),
    derogation: new FormControl<Derogation | null>(null),
    derogationShare: new FormControl('', { nonNullable: true }),
  });
  private readonly derogationValue = toSignal(this.form.controls.derogation.valueChanges, { initialValue: null });
  protected readonly hasDerogation = computed(() => this.derogationValue() !== null);

  protected readonly errors = signal<Partial<Record<SimulationFormField, string>>>({});
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly shown = signal<ShownResult | null>(null);
  protected readonly computing = busyFlag();
  protected readonly saving = busyFlag();
  protected readonly adding = busyFlag();

  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');

  protected readonly project = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.projects.getProject(params),
  });
  protected readonly saved = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.listProjectSimulations(params),
  });

  /** Back office: the commune typed or chosen. */
  protected readonly communeInput = new FormControl<string | CommuneSummaryDto>('', { nonNullable: true });
  protected readonly communeSuggestions = communeSuggestions(this.communeInput.valueChanges, () => this.session.user()?.departement.code);
  /** The commune named in the address, to show its name. */
  protected readonly pickedCommune = rxResource({
    params: () => (this.area() === 'departement' ? this.commune() || undefined : undefined),
    stream: ({ params }) => this.territory.getCommune(params),
  });

  /** The commune the simulation is for: the project's, the agent's choice, or the signed-in member's own. */
  protected readonly communeInsee = computed<string | null>(() => {
    if (this.id()) {
      return this.project.value()?.commune.insee ?? null;
    }
    if (this.area() === 'departement') {
      return this.commune() || null;
    }
    return this.session.user()?.commune?.insee ?? null;
  });
  protected readonly communeName = computed<string | null>(() => {
    if (this.id()) {
      return this.project.value()?.commune.name ?? null;
    }
    if (this.area() === 'departement') {
      return this.pickedCommune.value()?.name ?? null;
    }
    return this.session.user()?.commune?.name ?? null;
  });

  protected readonly backLink = computed(() => {
    const id = this.id();
    if (id) {
      return ['/espace/projets', id];
    }
    return [this.area() === 'departement' ? '/departement' : '/espace'];
  });
  protected readonly backLabel = computed(() =>
    this.id() ? '← Fiche projet' : this.area() === 'departement' ? '← Questions des communes' : '← Espace commune',
  );

  constructor() {
    // The commune named in the address (from a fiche projet, or a reload) shows in the field, ready to be changed.
    effect(() => {
      const commune = this.pickedCommune.value();
      if (commune) {
        untracked(() => this.communeInput.setValue(`${commune.name} (${commune.insee})`, { emitEvent: false }));
      }
    });
    // The project's theme and forecast cost pre-fill the form once, without overwriting what the user typed since.
    effect(() => {
      const project = this.project.value();
      if (!project) {
        return;
      }
      untracked(() => {
        const controls = this.form.controls;
        if (!controls.theme.dirty) {
          controls.theme.setValue(project.theme);
        }
        if (!controls.expenseHt.dirty && project.forecastCostCents) {
          controls.expenseHt.setValue(formatMoneyInput(project.forecastCostCents));
        }
      });
    });
  }

  protected displayCommune(value: string | CommuneSummaryDto | null): string {
    return typeof value === 'string' || value === null ? (value ?? '') : `${value.name} (${value.insee})`;
  }

  protected communeChosen(event: MatAutocompleteSelectedEvent): void {
    const commune = event.option.value as CommuneSummaryDto;
    this.shown.set(null);
    void this.router.navigate([], { queryParams: { commune: commune.insee }, replaceUrl: true });
  }

  protected simulate(): void {
    this.notice.set(null);
    const request = this.readForm();
    const communeInsee = this.communeInsee();
    if (!request) {
      return;
    }
    if (!communeInsee) {
      this.error.set('Choisissez d’abord la commune pour laquelle simuler les aides.');
      return;
    }
    this.computing.track(this.api.simulate({ communeInsee, ...request })).subscribe({
      next: (result) => this.show({ result, id: result.id, savedAt: null, savedBy: null, request }),
      error: (error: unknown) => this.failed(error),
    });
  }

  protected save(): void {
    const id = this.id();
    const request = this.readForm();
    if (!id || !request) {
      return;
    }
    this.saving.track(this.api.saveProjectSimulation(id, request)).subscribe({
      next: (result) => {
        this.show({ result, id: result.id, savedAt: null, savedBy: null, request });
        this.notice.set('Simulation enregistrée avec le projet.');
        this.saved.reload();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected open(simulation: SavedSimulationDto): void {
    this.notice.set(null);
    this.show({ result: simulation.result, id: simulation.id, savedAt: simulation.createdAt, savedBy: simulation.createdByName, request: null });
  }

  /** « Ajouter au plan de financement » : saves the simulation first when it was only computed. */
  protected addToFundingPlan(choice: FundingPlanChoice): void {
    const id = this.id();
    const shown = this.shown();
    const project = this.project.value();
    if (!id || !shown || !project) {
      return;
    }
    this.notice.set(null);
    this.error.set(null);
    const saved = shown.id !== null || !shown.request ? of(shown.id) : this.api.saveProjectSimulation(id, shown.request).pipe(map((r) => r.id));
    const added = saved.pipe(
      switchMap((simulationId) => {
        if (!simulationId) {
          throw new Error('not saved');
        }
        if (simulationId !== shown.id) {
          this.shown.set({ ...shown, id: simulationId });
          this.saved.reload();
        }
        return this.api.addToFundingPlan(id, simulationId, { version: project.version, ...choice });
      }),
    );
    this.adding.track(added).subscribe({
      next: (updated) => {
        this.project.set(updated);
        const count = choice.schemeIds.length;
        this.notice.set(
          count === 1
            ? 'L’aide a été ajoutée au plan de financement de la fiche, à l’état « envisagé ».'
            : `${count} aides ont été ajoutées au plan de financement de la fiche, à l’état « envisagé ».`,
        );
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 409) {
          this.project.reload();
        }
        this.error.set(apiErrorMessage(error));
      },
    });
  }

  protected totalAid(simulation: SavedSimulationDto): string {
    return formatEuros(simulation.result.plan.totals.publicAidCents);
  }

  protected print(): void {
    window.print();
  }

  protected downloadCsv(): void {
    const shown = this.shown();
    if (shown) {
      downloadFile(buildSimulationCsv(shown.result), simulationCsvFileName(shown.result), 'text/csv;charset=utf-8');
    }
  }

  /** The form's request, or `null` after showing each field's error. */
  private readForm() {
    this.error.set(null);
    const built = buildSimulationRequest(this.form.getRawValue());
    this.errors.set(built.errors ?? {});
    if (built.errors) {
      this.error.set('Le formulaire contient des erreurs : corrigez les champs signalés.');
    }
    return built.request;
  }

  private show(shown: ShownResult): void {
    this.shown.set(shown);
    afterNextRender({ write: () => this.resultHeading()?.nativeElement.focus() }, { injector: this.injector });
  }

  private failed(error: unknown): void {
    const fields = apiFieldErrors(error);
    const mapped: Partial<Record<SimulationFormField, string>> = {};
    for (const [field, message] of Object.entries(fields)) {
      const own = API_FIELDS[field];
      if (own) {
        mapped[own] = message;
      }
    }
    this.errors.set(mapped);
    this.error.set(apiErrorMessage(error));
  }
}
