import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AuthSession } from '@passerelle/web/auth/data-access';

/**
 * After a sign-in that cancelled the deletion of the account the user had asked for: says so on whatever page the
 * sign-in led to, until closed. The live region stays in the page so that the message is announced when it appears.
 */
@Component({
  selector: 'app-deletion-cancelled-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <div class="banner" role="status" aria-live="polite" [class.shown]="session.deletionCancelled()">
      @if (session.deletionCancelled()) {
        <p>La suppression de votre compte est annulée. Votre compte est de nouveau actif.</p>
        <button mat-button type="button" (click)="session.dismissDeletionCancelled()">Fermer ce message</button>
      }
    </div>
  `,
  styles: `
    .banner.shown {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 4px 16px;
      padding: 8px 16px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-body-medium);
    }
    p {
      margin: 0;
    }
  `,
})
export class DeletionCancelledBanner {
  protected readonly session = inject(AuthSession);
}
