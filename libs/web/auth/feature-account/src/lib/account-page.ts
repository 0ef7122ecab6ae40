import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AccountDeletionSection } from './account-deletion-section';
import { DataExportSection } from './data-export-section';
import { NotificationPreferencesSection } from './notification-preferences-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SecondFactorSection } from './second-factor-section';
import { SessionsSection } from './sessions-section';

/**
 * `/compte`: profile, e-mail notifications, password, second factor, sessions, the user's data (RGPD right of
 * access) and the deletion of the account (right to erasure).
 */
@Component({
  selector: 'pas-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccountDeletionSection,
    DataExportSection,
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
      <pas-data-export-section />
      <pas-account-deletion-section />
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
  `,
})
export class AccountPage {}
