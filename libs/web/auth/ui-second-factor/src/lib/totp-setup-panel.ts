import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { TotpSetupDto } from '@passerelle/shared/dto';

/**
 * First half of a second-factor set-up: the QR code to scan, and the secret for those who type it in (an app on the
 * same phone as the browser cannot scan its own screen).
 */
@Component({
  selector: 'pas-totp-setup-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="steps">
      <li>
        Ouvrez votre application d’authentification (par exemple FreeOTP, Aegis, Google Authenticator ou
        Microsoft Authenticator) et ajoutez un compte.
      </li>
      <li>
        Scannez ce QR code&nbsp;:
        <img
          class="qr"
          [src]="setup().qrCodeDataUrl"
          alt="QR code à scanner avec votre application d’authentification pour ajouter le compte Passerelle"
          width="200"
          height="200"
        />
        ou, si vous ne pouvez pas le scanner, saisissez cette clé dans l’application&nbsp;:
        <code class="secret" aria-label="Clé à saisir">{{ groupedSecret() }}</code>
      </li>
      <li>Saisissez ci-dessous le code à 6 chiffres que l’application affiche.</li>
    </ol>
  `,
  styles: `
    :host {
      display: block;
    }
    .steps {
      padding-inline-start: 1.25rem;
      margin: 0;
      font: var(--mat-sys-body-large);

      li + li {
        margin-top: 12px;
      }
    }
    .qr {
      display: block;
      margin: 12px 0;
      padding: 8px;
      background: #fff;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .secret {
      display: inline-block;
      margin-top: 4px;
      padding: 4px 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
      font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
      font-size: 1rem;
      letter-spacing: 0.05em;
      word-break: break-all;
    }
  `,
})
export class TotpSetupPanel {
  readonly setup = input.required<TotpSetupDto>();

  /** Groups of four characters are easier to copy by hand, and authenticator apps ignore the spaces. */
  protected readonly groupedSecret = computed(() => this.setup().secret.replace(/(.{4})(?=.)/g, '$1 '));
}
