import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AccountApi } from '@passerelle/web/auth/data-access';
import { downloadFile } from '@passerelle/web/shared/util-download';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { NotificationPreferencesSection } from './notification-preferences-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SecondFactorSection } from './second-factor-section';
import { SessionsSection } from './sessions-section';

export const EXPORT_FILE_NAME = 'passerelle-mes-donnees.json';

/**
 * `/compte`: profile, e-mail notifications, password, second factor, sessions, and the user's data (RGPD right of
 * access).
 */
@Component({
  selector: 'pas-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    ProfileSection,
    NotificationPreferencesSection,
    PasswordSection,
    SecondFactorSection,
    SessionsSection,
  ],
  template: `
    <h1>Mon compte</h1>
    <div class="sections">
      <pas-profile-section />
      <pas-notification-preferences-section />
      <pas-password-section />
      <pas-second-factor-section />
      <pas-sessions-section />
      <section class="data" aria-labelledby="data-title">
        <h2 id="data-title">Mes données</h2>
        <p class="hint">
          Téléchargez tout ce que Passerelle conserve à votre sujet, dans un fichier JSON lisible par d’autres
          logiciels.
        </p>
        <button mat-stroked-button type="button" [disabled]="exporting()" (click)="exportData()">
          Télécharger mes données
        </button>
        <div class="progress">
          @if (exporting()) {
            <mat-progress-bar mode="indeterminate" aria-label="Préparation du fichier" />
          }
        </div>
        @if (exportError()) {
          <p class="error" role="alert">{{ exportError() }}</p>
        }
      </section>
    </div>
  `,
  styles: `
    :host {
      display: block;
      max-width: 960px;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 16px;
    }
    .sections {
      display: grid;
      gap: 24px;
    }
    .data {
      padding: 20px 24px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);

      /* The same card as the other sections (_account-section.scss). */
      @media (max-width: 599.98px) {
        padding: 16px;
      }

      h2 {
        font: var(--mat-sys-title-large);
        margin: 0 0 12px;
      }
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .progress {
      height: 4px;
      margin-top: 12px;
    }
    .error {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class AccountPage {
  private readonly api = inject(AccountApi);

  protected readonly exporting = busyFlag();
  protected readonly exportError = signal('');

  protected exportData(): void {
    this.exportError.set('');
    this.api
      .exportData()
      .pipe(this.exporting.track)
      .subscribe({
        next: (blob) => downloadFile(blob, EXPORT_FILE_NAME),
        error: (error: unknown) => this.exportError.set(apiErrorMessage(error, 'Impossible de préparer le fichier.')),
      });
  }
}
