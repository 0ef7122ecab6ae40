import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { THREAD_LIMITS } from '@passerelle/shared/dto';
import { injectFocusInvalidField, FocusOnText } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, apiFieldErrors, formatCount } from '@passerelle/web/shared/util-format';
import { InboxSettingsApi } from '@passerelle/web/threads/data-access';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { OfficeHoursForm } from './office-hours-form';

/** Bounds offered in the form; the API has the last word. */
export const RESPONSE_TARGET_BOUNDS = { min: 1, max: 60 } as const;

/**
 * The département's first-response target, in working days: past it, a question shows "en retard" in the inbox; and
 * its office hours, which the indicators count the working time in. One load of the settings for both forms, kept as
 * saved by either: each sends the other's part as saved.
 */
@Component({
  selector: 'pas-response-target-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FocusOnText,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    OfficeHoursForm,
  ],
  template: `
    <section aria-labelledby="response-target-title">
      <h2 id="response-target-title">Délai de première réponse</h2>
      <p class="hint">
        Une question qui n’a pas reçu de première réponse dans ce délai apparaît «&nbsp;en retard&nbsp;» dans la boîte de
        réception. Le délai se compte en jours ouvrés (sans les week-ends ni les jours fériés) et s’arrête tant que la
        question attend la commune.
      </p>
      @if (settings.error()) {
        <p class="error" role="alert">{{ loadError() }}</p>
        <button mat-stroked-button type="button" (click)="settings.reload()">Réessayer</button>
      } @else {
        <form class="inline-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>Délai en jours ouvrés</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              [min]="bounds.min"
              [max]="bounds.max"
              step="1"
              formControlName="days"
            />
            <mat-hint>Par défaut&nbsp;: {{ defaultDays }} jours ouvrés.</mat-hint>
            <mat-error>{{ daysError() }}</mat-error>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="saving() || settings.isLoading()">Enregistrer</button>
        </form>
      }
      <div class="progress">
        @if (saving() || settings.isLoading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Chargement" />
        }
      </div>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <p class="notice" role="status" [pasFocusOnText]="notice()">{{ notice() }}</p>
    </section>
    @if (settings.hasValue()) {
      <pas-office-hours-form
        [departementCode]="departementCode()"
        [settings]="settings.value()"
        (saved)="settings.set($event)"
      />
    }
  `,
  styleUrl: './inbox-settings-panel.scss',
  styles: `
    .inline-form mat-form-field {
      flex: 0 1 16rem;
    }
  `,
})
export class ResponseTargetPanel {
  readonly departementCode = input.required<string>();

  private readonly api = inject(InboxSettingsApi);

  protected readonly bounds = RESPONSE_TARGET_BOUNDS;
  protected readonly defaultDays = THREAD_LIMITS.defaultFirstResponseDays;
  protected readonly settings = rxResource({
    params: () => this.departementCode(),
    stream: ({ params }) => this.api.getSettings(params),
  });
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.settings.error(), 'Impossible de charger le délai de réponse.'),
  );
  protected readonly days = new FormControl<number | null>(THREAD_LIMITS.defaultFirstResponseDays, {
    validators: [
      Validators.required,
      Validators.min(RESPONSE_TARGET_BOUNDS.min),
      Validators.max(RESPONSE_TARGET_BOUNDS.max),
      Validators.pattern(/^\d+$/),
    ],
  });
  protected readonly form = new FormGroup({ days: this.days });
  protected readonly saving = busyFlag();
  protected readonly error = signal('');
  protected readonly notice = signal('');
  /** One field: its error shows under it and focus goes to it, without an error summary. */
  private readonly focusInvalidField = injectFocusInvalidField();
  /** Saving the office hours gives back the same target: the days being edited stay. */
  private readonly savedDays = computed(() => (this.settings.hasValue() ? this.settings.value().firstResponseDays : null));

  constructor() {
    effect(() => {
      const days = this.savedDays();
      if (days !== null) {
        this.days.reset(days);
      }
    });
  }

  protected daysError(): string {
    const server: unknown = this.days.errors?.['server'];
    return typeof server === 'string'
      ? server
      : `Saisissez un nombre entier de jours, entre ${this.bounds.min} et ${this.bounds.max}.`;
  }

  protected save(): void {
    if (this.saving()) {
      return;
    }
    const days = this.days.value;
    if (this.days.invalid || days === null) {
      this.days.markAsTouched();
      this.focusInvalidField();
      return;
    }
    this.error.set('');
    this.notice.set('');
    this.api
      .updateSettings(this.departementCode(), { firstResponseDays: days })
      .pipe(this.saving.track)
      .subscribe({
        next: (settings) => {
          this.settings.set(settings);
          this.days.reset(settings.firstResponseDays);
          this.notice.set(
            `Délai enregistré : ${formatCount(settings.firstResponseDays, 'jour ouvré', 'jours ouvrés')}.`,
          );
        },
        error: (error: unknown) => {
          const message = apiFieldErrors(error)['firstResponseDays'];
          if (message) {
            this.days.setErrors({ server: message });
            this.days.markAsTouched();
            this.focusInvalidField();
          } else {
            this.error.set(apiErrorMessage(error, 'Le délai n’a pas été enregistré. Réessayez dans quelques instants.'));
          }
        },
      });
  }
}
