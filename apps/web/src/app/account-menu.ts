import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { type MeDto, ROLE_LABELS } from '@passerelle/shared/dto';

/**
 * The signed-in user's menu. Loaded with `@defer` by the shell: Material's menu and its overlay weigh about 75 kB,
 * which visitors of the public pages should not download.
 */
@Component({
  selector: 'app-account-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatMenuModule],
  template: `
    <button
      mat-button
      type="button"
      class="account-button"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'Mon compte : ' + user().displayName"
    >
      <mat-icon svgIcon="account" />
      <span class="account-name">{{ user().displayName }}</span>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      <div class="account-summary">
        <span class="account-summary-name">{{ user().displayName }}</span>
        <span class="account-summary-detail">{{ roleLabel() }}</span>
        @if (user().commune; as commune) {
          <span class="account-summary-detail">{{ commune.name }}</span>
        }
      </div>
      <a mat-menu-item routerLink="/compte">Mon compte</a>
      <button mat-menu-item type="button" (click)="signOut.emit()">Se déconnecter</button>
    </mat-menu>
  `,
  styles: `
    .account-button {
      --mat-button-text-label-text-color: var(--mat-sys-on-primary);
      max-width: 16rem;

      mat-icon {
        color: var(--mat-sys-on-primary);
      }

      &:focus-visible {
        outline: 3px solid var(--mat-sys-on-primary);
        outline-offset: 2px;
      }
    }
    .account-name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class AccountMenu {
  readonly user = input.required<MeDto>();
  readonly signOut = output();

  protected readonly roleLabel = computed(() => ROLE_LABELS[this.user().role]);
}
