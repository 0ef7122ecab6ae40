import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { downloadFile } from '@passerelle/web/shared/util-download';

export const RECOVERY_CODES_FILE_NAME = 'passerelle-codes-de-secours.txt';

/** The recovery codes, shown once: the user downloads or writes them down before going on. */
@Component({
  selector: 'pas-recovery-codes-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <p class="warning" role="alert">
      Conservez ces codes de secours en lieu sûr&nbsp;: ils ne seront plus affichés. Chacun remplace une fois le
      code de votre application si vous perdez votre téléphone.
    </p>
    <ul class="codes" aria-label="Codes de secours">
      @for (code of codes(); track code) {
        <li>
          <code>{{ code }}</code>
        </li>
      }
    </ul>
    <div class="actions">
      <button mat-stroked-button type="button" (click)="download()">Télécharger</button>
      <button mat-flat-button type="button" (click)="acknowledged.emit()">J’ai noté mes codes</button>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .warning {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .codes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 8px;
      padding: 0;
      list-style: none;

      code {
        display: block;
        padding: 6px 8px;
        border-radius: 4px;
        background: var(--mat-sys-surface-container-high);
        font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
        font-size: 1rem;
        text-align: center;
      }
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
  `,
})
export class RecoveryCodesPanel {
  readonly codes = input.required<readonly string[]>();
  readonly acknowledged = output();

  protected download(): void {
    const text = [
      'Passerelle — codes de secours',
      'Chaque code ne sert qu’une fois, à la place du code de votre application d’authentification.',
      '',
      ...this.codes(),
      '',
    ].join('\n');
    downloadFile(text, RECOVERY_CODES_FILE_NAME);
  }
}
