import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormRecord, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  DIGEST_HOUR,
  EMAIL_MODE_LABELS,
  EMAIL_MODES,
  type EmailMode,
  NOTIFICATION_KIND_LABELS,
  type NotificationPreferenceDto,
} from '@passerelle/shared/dto';
import { NotificationsApi } from '@passerelle/web/notifications/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { FocusOnText } from '@passerelle/web/shared/ui-material';
import { busyFlag } from '@passerelle/web/shared/util-forms';

/**
 * Which notifications also arrive by e-mail, kind by kind: at once, in the daily digest, or not at all. The API lists
 * only the kinds of the user's role. They always show in the app whatever is chosen here.
 */
@Component({
  selector: 'pas-notification-preferences-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, ReactiveFormsModule, MatButton, MatProgressBar, MatRadioGroup, MatRadioButton],
  template: `
    <h2 id="notification-preferences-title">Notifications par courriel</h2>
    <p class="hint">
      Vos notifications s’affichent toujours dans Passerelle. Choisissez pour chacune si vous la recevez aussi
      par courriel&nbsp;: à chaque fois, ou regroupée dans un récapitulatif envoyé chaque jour à
      {{ digestHour }}&nbsp;h.
    </p>
    <div class="progress">
      @if (preferences.isLoading() || saving()) {
        <mat-progress-bar
          mode="indeterminate"
          [attr.aria-label]="saving() ? 'Enregistrement' : 'Chargement des préférences'"
        />
      }
    </div>
    @if (preferences.error()) {
      <p class="error" role="alert">{{ loadError() }}</p>
      <button mat-stroked-button type="button" (click)="preferences.reload()">Réessayer</button>
    } @else if (form(); as form) {
      <form [formGroup]="form" (ngSubmit)="save()" aria-labelledby="notification-preferences-title">
        @for (preference of list(); track preference.kind) {
          <div class="preference">
            <span class="kind" [id]="'notification-kind-' + preference.kind">{{ kindLabel(preference) }}</span>
            <mat-radio-group
              class="modes"
              [formControlName]="preference.kind"
              [attr.aria-labelledby]="'notification-kind-' + preference.kind"
            >
              @for (mode of modes; track mode) {
                <mat-radio-button [value]="mode">{{ modeLabel(mode) }}</mat-radio-button>
              }
            </mat-radio-group>
          </div>
        } @empty {
          <p class="hint">Aucune notification ne vous concerne pour le moment.</p>
        }
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        @if (list().length > 0) {
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="saving()">Enregistrer</button>
          </div>
        }
      </form>
    }
    <p class="notice" role="status" [pasFocusOnText]="notice()">{{ notice() }}</p>
  `,
  styleUrl: './_account-section.scss',
  styles: `
    form {
      max-width: none;
    }
    .preference {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 0;

      & + .preference {
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .kind {
      font: var(--mat-sys-title-small);
    }
    .modes {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      /* Lines the radio circles up with the label above. */
      margin-inline-start: -10px;

      @media (max-width: 599.98px) {
        flex-direction: column;
      }
    }
  `,
})
export class NotificationPreferencesSection {
  private readonly api = inject(NotificationsApi);

  protected readonly preferences = rxResource({ stream: () => this.api.getPreferences() });
  protected readonly list = computed(() => (this.preferences.hasValue() ? this.preferences.value() : []));
  /** Rebuilt from what the API says, at load and after a save; a failed save leaves the user's choices in place. */
  protected readonly form = computed(() => {
    if (!this.preferences.hasValue()) {
      return null;
    }
    const controls: Record<string, FormControl<EmailMode>> = {};
    for (const preference of this.preferences.value()) {
      controls[preference.kind] = new FormControl(preference.email, { nonNullable: true });
    }
    return new FormRecord(controls);
  });

  protected readonly modes = EMAIL_MODES;
  protected readonly digestHour = DIGEST_HOUR;
  protected readonly saving = busyFlag();
  protected readonly error = signal('');
  protected readonly notice = signal('');
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.preferences.error(), 'Impossible de charger vos préférences de notification.'),
  );

  protected kindLabel(preference: NotificationPreferenceDto): string {
    return preference.label || NOTIFICATION_KIND_LABELS[preference.kind];
  }

  protected modeLabel(mode: EmailMode): string {
    return mode === 'DIGEST' ? `${EMAIL_MODE_LABELS[mode]}, à ${DIGEST_HOUR} h` : EMAIL_MODE_LABELS[mode];
  }

  protected save(): void {
    const form = this.form();
    if (!form || this.saving()) {
      return;
    }
    const preferences = this.list().map((preference) => ({
      kind: preference.kind,
      email: form.controls[preference.kind]?.value ?? preference.email,
    }));
    this.error.set('');
    this.notice.set('');
    this.api
      .updatePreferences({ preferences })
      .pipe(this.saving.track)
      .subscribe({
        next: (saved) => {
          this.preferences.set(saved);
          this.notice.set('Vos préférences de notification sont enregistrées.');
        },
        error: (error: unknown) =>
          this.error.set(apiErrorMessage(error, 'Vos préférences n’ont pas pu être enregistrées. Réessayez.')),
      });
  }
}
