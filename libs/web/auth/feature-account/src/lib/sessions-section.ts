import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SessionDto } from '@passerelle/shared/dto';
import { AccountApi } from '@passerelle/web/auth/data-access';
import { apiErrorMessage, formatDateTime, formatUserAgent } from '@passerelle/web/shared/util-format';
import { finalize, map } from 'rxjs';
import { FocusOnText } from '@passerelle/web/shared/ui-material';

/** Where the account is signed in; any other session can be ended from here (a forgotten computer at the town hall). */
@Component({
  selector: 'pas-sessions-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, MatButtonModule, MatProgressBarModule],
  template: `
    <h2>Sessions ouvertes</h2>
    <p class="hint">Les appareils sur lesquels vous êtes connecté. Fermez une session que vous ne reconnaissez pas, puis changez votre mot de passe.</p>
    <div class="progress">
      @if (sessions.isLoading() || busyId()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement des sessions" />
      }
    </div>
    @if (sessions.error()) {
      <p class="error" role="alert">{{ loadError() }}</p>
      <button mat-stroked-button type="button" (click)="sessions.reload()">Réessayer</button>
    } @else if (sessions.hasValue()) {
      <ul class="sessions">
        @for (session of sessions.value(); track session.id) {
          <li>
            <div class="what">
              <span class="device">
                {{ device(session) }}
                @if (session.current) {
                  <span class="current">cette session</span>
                }
              </span>
              <span class="hint">
                Adresse IP&nbsp;: {{ session.ip ?? 'inconnue' }} — dernière activité le {{ formatDateTime(session.lastUsedAt) }}
              </span>
            </div>
            @if (!session.current) {
              <button
                mat-stroked-button
                type="button"
                [disabled]="busyId() === session.id"
                [attr.aria-label]="'Fermer la session ' + device(session) + ' du ' + formatDateTime(session.lastUsedAt)"
                (click)="end(session)"
              >
                Fermer
              </button>
            }
          </li>
        }
      </ul>
    }
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
    <p class="notice" role="status" [pasFocusOnText]="notice()">{{ notice() }}</p>
  `,
  styleUrl: './_account-section.scss',
  styles: `
    .sessions {
      margin: 0;
      padding: 0;
      list-style: none;

      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 8px 16px;
        padding: 12px 0;

        & + li {
          border-top: 1px solid var(--mat-sys-outline-variant);
        }
      }
    }
    .what {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .device {
      font: var(--mat-sys-title-small);
    }
    .current {
      margin-inline-start: 8px;
      padding: 2px 10px;
      border-radius: 8px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      font: var(--mat-sys-label-medium);
    }
  `,
})
export class SessionsSection {
  private readonly api = inject(AccountApi);

  protected readonly sessions = rxResource({ stream: () => this.api.listSessions().pipe(map((page) => page.items)) });
  protected readonly busyId = signal<string | null>(null);
  protected readonly error = signal('');
  protected readonly notice = signal('');
  protected readonly formatDateTime = formatDateTime;
  protected readonly loadError = computed(() => apiErrorMessage(this.sessions.error(), 'Impossible de charger les sessions.'));

  protected device(session: SessionDto): string {
    return formatUserAgent(session.userAgent);
  }

  protected end(session: SessionDto): void {
    this.busyId.set(session.id);
    this.error.set('');
    this.notice.set('');
    this.api
      .endSession(session.id)
      .pipe(finalize(() => this.busyId.set(null)))
      .subscribe({
        next: () => {
          this.notice.set(`La session ${this.device(session)} est fermée.`);
          this.sessions.reload();
        },
        error: (error: unknown) => this.error.set(apiErrorMessage(error)),
      });
  }
}
