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
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  DEFAULT_OFFICE_HOURS,
  type DepartementSettingsDto,
  OFFICE_HOURS_LIMITS,
  type OfficeSpan,
} from '@passerelle/shared/dto';
import { fieldId, FocusOnText, injectFocusInvalidField } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, apiFieldErrors } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { InboxSettingsApi } from '@passerelle/web/threads/data-access';
import { describeOfficeHours } from '@passerelle/web/shared/util-format';
import { officeHoursErrors, TIME_PATTERN } from './office-hours';

type SpanGroup = FormGroup<{ start: FormControl<string>; end: FormControl<string> }>;

function spanGroup(span: OfficeSpan = { start: '', end: '' }): SpanGroup {
  const time = (value: string) =>
    new FormControl(value, { nonNullable: true, validators: [Validators.required, Validators.pattern(TIME_PATTERN)] });
  return new FormGroup({ start: time(span.start), end: time(span.end) });
}

function sameSpans(a: readonly OfficeSpan[], b: readonly OfficeSpan[]): boolean {
  return a.length === b.length && a.every((span, i) => span.start === b[i].start && span.end === b[i].end);
}

let nextFormId = 0;

/**
 * The département's office hours on a working day (1 to `OFFICE_HOURS_LIMITS.spans` spans, Paris time), which the
 * indicators count the working time in. Part of the response-target panel, which loads the settings once: the
 * target is sent as saved (the API requires it), so that saving the hours leaves a target being edited alone.
 */
@Component({
  selector: 'pas-office-hours-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    <section [attr.aria-labelledby]="prefix + '-title'">
      <h2 [id]="prefix + '-title'">Heures d’ouverture</h2>
      <p class="hint" [id]="prefix + '-hint'">
        Les indicateurs comptent le temps de réponse aux heures d’ouverture des jours ouvrés (du lundi au vendredi, sans
        les jours fériés), à l’heure de Paris. Par défaut&nbsp;: {{ defaultHours }}. Un changement vaut pour les
        questions qui évoluent à partir de maintenant et, après le recalcul de la nuit, pour tous les indicateurs.
      </p>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <fieldset [attr.aria-describedby]="prefix + '-limit'">
          <legend>Plages horaires d’un jour ouvré</legend>
          <ol class="spans" formArrayName="officeHours">
            @for (span of spans.controls; track span; let i = $index) {
              <li class="span" [formGroupName]="i">
                <mat-form-field appearance="outline">
                  <mat-label>Début de la plage {{ i + 1 }}</mat-label>
                  <input matInput type="time" formControlName="start" [id]="idOf(i, 'start')" />
                  <mat-error>{{ message(span.controls.start, i, 'start') }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>Fin de la plage {{ i + 1 }}</mat-label>
                  <input matInput type="time" formControlName="end" [id]="idOf(i, 'end')" />
                  <mat-error>{{ message(span.controls.end, i, 'end') }}</mat-error>
                </mat-form-field>
                @if (spans.length > 1) {
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-label]="'Supprimer la plage ' + (i + 1)"
                    (click)="remove(i)"
                  >
                    Supprimer
                  </button>
                }
              </li>
            }
          </ol>
          <p class="hint" [id]="prefix + '-limit'">De 1 à {{ maxSpans }} plages, dans l’ordre de la journée.</p>
        </fieldset>
        <div class="actions">
          <button #addButton mat-stroked-button type="button" [disabled]="spans.length >= maxSpans" (click)="add()">
            Ajouter une plage
          </button>
          <button mat-flat-button type="submit" [disabled]="saving()">Enregistrer les heures d’ouverture</button>
        </div>
      </form>
      <div class="progress">
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Enregistrement des heures d’ouverture" />
        }
      </div>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <p class="notice" role="status" [pasFocusOnText]="notice()">{{ notice() }}</p>
    </section>
  `,
  styleUrl: './inbox-settings-panel.scss',
  styles: `
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      font: var(--mat-sys-title-medium);
      margin-bottom: 12px;
    }
    .spans {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .span {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      align-items: flex-start;
      mat-form-field {
        flex: 0 1 12rem;
        min-width: 0;
      }
      button {
        margin-top: 8px;
      }
      // A phone: the two times side by side would be cut; one under the other, full width.
      @media (max-width: 599.98px) {
        flex-direction: column;
        align-items: stretch;
        padding-bottom: 8px;
        mat-form-field {
          flex: none;
        }
        & + .span {
          border-top: 1px solid var(--mat-sys-outline-variant);
          padding-top: 8px;
        }
      }
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
  `,
})
export class OfficeHoursForm {
  readonly departementCode = input.required<string>();
  /** As saved: the form starts from its hours and sends its target unchanged. */
  readonly settings = input.required<DepartementSettingsDto>();
  /** The settings as the API saved them. */
  readonly saved = output<DepartementSettingsDto>();

  private readonly api = inject(InboxSettingsApi);
  private readonly injector = inject(Injector);

  protected readonly prefix = `office-hours-${nextFormId++}`;
  protected readonly maxSpans = OFFICE_HOURS_LIMITS.spans;
  protected readonly defaultHours = describeOfficeHours(DEFAULT_OFFICE_HOURS);
  protected readonly spans = new FormArray<SpanGroup>([]);
  /** Named like the API's fields, so that `officeHours.1.start` reaches its control. */
  protected readonly form = new FormGroup({ officeHours: this.spans });
  protected readonly saving = busyFlag();
  protected readonly error = signal('');
  protected readonly notice = signal('');
  private readonly savedHours = computed(() => this.settings().officeHours, { equal: sameSpans });
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly addButton = viewChild.required<string, ElementRef<HTMLButtonElement>>('addButton', { read: ElementRef });
  /** Up to eight fields, each error under its field: focus goes to the first one, without an error summary. */
  private readonly focusInvalidField = injectFocusInvalidField();

  constructor() {
    effect(() => {
      const hours = this.savedHours();
      untracked(() => this.load(hours));
    });
    // A span's checks depend on its neighbours: any change checks them all again.
    this.spans.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.check());
  }

  protected idOf(index: number, end: 'start' | 'end'): string {
    return fieldId(`${index}.${end}`, this.prefix);
  }

  protected message(control: FormControl<string>, index: number, end: 'start' | 'end'): string {
    const errors = control.errors ?? {};
    const reason: unknown = errors['server'] ?? errors['order'];
    if (typeof reason === 'string') {
      return reason;
    }
    if (errors['required']) {
      return `Indiquez l’heure de ${end === 'start' ? 'début' : 'fin'} de la plage ${index + 1}.`;
    }
    return 'Saisissez une heure au format HH:MM, par exemple 09:00.';
  }

  protected add(): void {
    if (this.spans.length >= this.maxSpans) {
      return;
    }
    this.spans.push(spanGroup());
    this.focusField(this.idOf(this.spans.length - 1, 'start'));
  }

  protected remove(index: number): void {
    this.spans.removeAt(index);
    // The button pressed is gone: focus goes to "Ajouter une plage", which the removal has just enabled.
    this.focusField(null);
  }

  protected save(): void {
    if (this.saving()) {
      return;
    }
    this.check();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusInvalidField();
      return;
    }
    this.error.set('');
    this.notice.set('');
    const officeHours = this.spans.getRawValue();
    this.api
      .updateSettings(this.departementCode(), { firstResponseDays: this.settings().firstResponseDays, officeHours })
      .pipe(this.saving.track)
      .subscribe({
        next: (settings) => {
          this.load(settings.officeHours);
          // A span added next starts without errors, as after the first load: the form is no longer "submitted".
          this.formDirective()?.resetForm(this.form.getRawValue());
          this.saved.emit(settings);
          this.notice.set(`Heures d’ouverture enregistrées : ${describeOfficeHours(settings.officeHours)}.`);
        },
        error: (error: unknown) => this.showError(error),
      });
  }

  private showError(error: unknown): void {
    let shown = false;
    const others: string[] = [];
    for (const [name, message] of Object.entries(apiFieldErrors(error))) {
      const control = name.startsWith('officeHours.') ? this.form.get(name) : null;
      if (control instanceof FormControl) {
        control.setErrors({ ...control.errors, server: message });
        control.markAsTouched();
        shown = true;
      } else {
        others.push(message);
      }
    }
    if (shown) {
      this.focusInvalidField();
    }
    if (others.length > 0 || !shown) {
      this.error.set(
        others.join(' ') ||
          apiErrorMessage(error, 'Les heures d’ouverture n’ont pas été enregistrées. Réessayez dans quelques instants.'),
      );
    }
  }

  /** The spans as saved, untouched: their errors stay hidden until they are edited or the form is submitted. */
  private load(spans: readonly OfficeSpan[]): void {
    // The controls stay where they can (their fields are not rendered again), as many as there are spans.
    while (this.spans.length > spans.length) {
      this.spans.removeAt(this.spans.length - 1, { emitEvent: false });
    }
    while (this.spans.length < spans.length) {
      this.spans.push(spanGroup(), { emitEvent: false });
    }
    this.spans.reset(
      spans.map(({ start, end }) => ({ start, end })),
      { emitEvent: false },
    );
    this.check();
  }

  /**
   * Each time's own checks, then the API's across spans (in order, end after start) on the time they point at. An
   * edit anywhere in the list clears the API's errors too: they may concern the neighbour just changed.
   */
  private check(): void {
    const times = this.spans.controls.flatMap((span) => [span.controls.start, span.controls.end]);
    for (const time of times) {
      time.updateValueAndValidity({ onlySelf: true, emitEvent: false });
    }
    for (const [path, message] of Object.entries(officeHoursErrors(this.spans.getRawValue()))) {
      const control = this.spans.get(path);
      control?.setErrors({ ...control.errors, order: message }, { emitEvent: false });
    }
    for (const span of this.spans.controls) {
      span.updateValueAndValidity({ onlySelf: true, emitEvent: false });
    }
    this.spans.updateValueAndValidity({ emitEvent: false });
  }

  /** Moves focus to a field by id once it is rendered, or to "Ajouter une plage" (`null`). */
  private focusField(id: string | null): void {
    afterNextRender(
      () => {
        const field = id ? document.getElementById(id) : null;
        (field ?? this.addButton().nativeElement).focus();
      },
      { injector: this.injector },
    );
  }
}
