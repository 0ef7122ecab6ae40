import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ServiceStatus } from '@passerelle/web/shared/data-access';

/**
 * Says so while the API is unreachable, instead of error pages or a sign-out. The live region stays in the page
 * so that screen readers announce the message when it appears (and its disappearance is silent).
 */
@Component({
  selector: 'app-service-status-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="banner" role="status" aria-live="polite" [class.shown]="status.unavailable()">
      @if (status.unavailable()) {
        <p>Service momentanément indisponible. Nous réessayons automatiquement…</p>
      }
    </div>
  `,
  styles: `
    .banner.shown {
      padding: 8px 16px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
      text-align: center;
    }
    p {
      margin: 0;
    }
  `,
})
export class ServiceStatusBanner {
  protected readonly status = inject(ServiceStatus);
}
