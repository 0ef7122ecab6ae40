import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatRadioModule } from '@angular/material/radio';
import { FUNDER_LABELS, FUNDING_STATE_LABELS, type FundingLineDto, type SimulationResult, type SimulationScenario } from '@passerelle/shared/dto';
import { formatEuros } from '@passerelle/web/shared/util-format';

/** What « Ajouter au plan de financement » asks for. */
export interface FundingPlanChoice {
  schemeIds: string[];
  scenario: SimulationScenario;
}

interface Candidate {
  schemeId: string;
  label: string;
  cents: number;
  /** The state of the fiche's line for this scheme when it is further than « envisagé »: left as it is. */
  onFiche: string | null;
}

/**
 * « Ajouter au plan de financement » : the aids a plan of the simulation retains, to tick, and which plan gives the
 * amounts. The page sends the choice; the aids join the fiche's funding plan as « envisagé ».
 */
@Component({
  selector: 'pas-funding-plan-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatRadioModule],
  template: `
    <fieldset class="picker">
      <legend id="plan-picker-legend">Aides à ajouter au plan de financement de la fiche</legend>
      @if (result().typicalPlan) {
        <mat-radio-group
          class="scenario"
          aria-label="Montants à reprendre"
          [value]="scenario()"
          (change)="scenarioChanged($event.value)"
        >
          <mat-radio-button value="MAXIMUM">Montants maximaux</mat-radio-button>
          <mat-radio-button value="TYPICAL">Montants habituels</mat-radio-button>
        </mat-radio-group>
      }
      @if (candidates().length === 0) {
        <p>Aucune aide n’est retenue par ce plan : il n’y a rien à ajouter.</p>
      } @else {
        <ul class="candidates">
          @for (candidate of candidates(); track candidate.schemeId) {
            <li>
              <mat-checkbox
                [checked]="chosen().has(candidate.schemeId)"
                [disabled]="candidate.onFiche !== null"
                (change)="toggle(candidate.schemeId, $event.checked)"
              >
                {{ candidate.label }} : {{ euros(candidate.cents) }}
                @if (candidate.onFiche; as state) {
                  — déjà sur la fiche ({{ state }})
                }
              </mat-checkbox>
            </li>
          }
        </ul>
        <p class="hint">
          Les aides cochées rejoignent le plan de financement à l’état « envisagé », pour le montant demandé indiqué ; une
          aide déjà envisagée sur la fiche prend ce montant. Une aide déjà demandée, obtenue ou versée n’est pas modifiée.
        </p>
        <button mat-flat-button type="button" [disabled]="busy() || chosen().size === 0" (click)="submit()">
          {{ busy() ? 'Ajout…' : 'Ajouter au plan de financement' }}
        </button>
      }
    </fieldset>
  `,
  styles: `
    .picker {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 12px 16px 16px;
      margin: 0;
      min-width: 0;
    }
    legend {
      font-weight: 500;
      padding: 0 4px;
    }
    .scenario mat-radio-button {
      min-height: 44px;
      margin-right: 16px;
    }
    .candidates {
      list-style: none;
      padding: 0;
      margin: 8px 0;
    }
    .candidates li {
      min-height: 44px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      max-width: 72ch;
    }
  `,
})
export class FundingPlanPicker {
  readonly result = input.required<SimulationResult>();
  /** The fiche's funding plan as it is. */
  readonly fundingLines = input<readonly FundingLineDto[]>([]);
  readonly busy = input(false);
  readonly add = output<FundingPlanChoice>();

  protected readonly euros = formatEuros;
  protected readonly scenario = signal<SimulationScenario>('MAXIMUM');
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());

  /** The aids the chosen plan retains (a positive amount), in the plan's order. */
  protected readonly candidates = computed<Candidate[]>(() => {
    const result = this.result();
    const plan = this.scenario() === 'TYPICAL' && result.typicalPlan ? result.typicalPlan : result.plan;
    const key = (code: string | null) => (code ?? '').trim().toLowerCase();
    return plan.retained.flatMap((entry) => {
      const line = result.lines.find((l) => l.schemeCode === entry.schemeCode && l.eligible);
      if (!line || entry.cents <= 0) {
        return [];
      }
      const further = this.fundingLines().find((f) => key(f.scheme) === key(line.schemeCode) && f.state !== 'CONSIDERED');
      return [
        {
          schemeId: line.schemeId,
          label: `${line.schemeCode} (${FUNDER_LABELS[line.funder]})`,
          cents: entry.cents,
          onFiche: further ? FUNDING_STATE_LABELS[further.state].toLowerCase() : null,
        },
      ];
    });
  });

  constructor() {
    // A new result (or the fiche just updated) starts from its maximum plan, every aid to add ticked.
    effect(() => {
      this.result();
      this.fundingLines();
      untracked(() => {
        this.scenario.set('MAXIMUM');
        this.tickAll();
      });
    });
  }

  /** Another plan: every aid it retains ticked again, but those the fiche already carries further. */
  protected scenarioChanged(scenario: SimulationScenario): void {
    this.scenario.set(scenario);
    this.tickAll();
  }

  private tickAll(): void {
    this.chosen.set(new Set(this.candidates().filter((c) => c.onFiche === null).map((c) => c.schemeId)));
  }

  protected toggle(schemeId: string, checked: boolean): void {
    this.chosen.update((chosen) => {
      const next = new Set(chosen);
      if (checked) {
        next.add(schemeId);
      } else {
        next.delete(schemeId);
      }
      return next;
    });
  }

  protected submit(): void {
    const available = new Set(this.candidates().filter((c) => c.onFiche === null).map((c) => c.schemeId));
    const schemeIds = [...this.chosen()].filter((id) => available.has(id));
    if (schemeIds.length > 0) {
      this.add.emit({ schemeIds, scenario: this.scenario() });
    }
  }
}
