import { ChangeDetectionStrategy, Component, DestroyRef, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DATA_EXPORT_LINK_DAYS, type DataExportDto } from '@passerelle/shared/dto';
import { DataExportsApi } from '@passerelle/web/privacy/data-access';
import { downloadFile } from '@passerelle/web/shared/util-download';
import { apiErrorMessage, formatBytes, formatDateTime, todayInParis } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { finalize, type Subscription, switchMap, timer } from 'rxjs';

/** While an archive is being built, the list is asked for again this often. */
export const EXPORT_POLL_MS = 3_000;

/** `passerelle-mes-donnees-2026-03-14.zip`: the day the archive was made (Paris). */
export function exportFileName(dataExport: DataExportDto): string {
  return `passerelle-mes-donnees-${todayInParis(new Date(dataExport.readyAt ?? dataExport.requestedAt))}.zip`;
}

/**
 * « Mes données » (RGPD right of access): asks for an archive of everything Passerelle keeps about the user, built in
 * the background, and lists the archives asked for with their state. While one is being built the list refreshes by
 * itself, and the live region says when it is ready or has failed.
 */
@Component({
  selector: 'pas-data-export-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule],
  host: { id: 'mes-donnees', role: 'region', 'aria-labelledby': 'data-title' },
  template: `
    <h2 id="data-title">Mes données</h2>
    <p class="hint">
      Téléchargez tout ce que Passerelle conserve à votre sujet&nbsp;: une archive zip avec un fichier JSON par sorte de
      données, les documents que vous avez déposés et un fichier qui décrit chaque champ. Elle est préparée en
      arrière-plan&nbsp;; une notification vous prévient quand elle est prête, et vous pouvez la télécharger pendant
      {{ linkDays }} jours.
    </p>
    <div class="actions">
      <button mat-stroked-button type="button" [disabled]="requesting()" (click)="request()">Télécharger mes données</button>
    </div>
    <div class="progress">
      @if (requesting() || (exports() === null && !loadError())) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement de vos archives" />
      }
    </div>
    <p class="notice" role="status">{{ notice() }}</p>
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
    @if (loadError()) {
      <p class="error" role="alert">{{ loadError() }}</p>
      <button mat-stroked-button type="button" (click)="load()">Réessayer</button>
    } @else if (exports(); as list) {
      @if (list.length > 0) {
        <h3 id="exports-title">Vos archives</h3>
        <ul class="exports" aria-labelledby="exports-title">
          @for (item of list; track item.id) {
            <li>
              <span class="when">Demandée le {{ formatDateTime(item.requestedAt) }}</span>
              @switch (item.status) {
                @case ('PENDING') {
                  <span class="state state--pending">En préparation…</span>
                }
                @case ('READY') {
                  <span class="state state--ready">
                    Prête&nbsp;:
                    <button
                      mat-flat-button
                      type="button"
                      [disabled]="downloadingId() === item.id"
                      [attr.aria-label]="'Télécharger l’archive demandée le ' + formatDateTime(item.requestedAt)"
                      (click)="download(item)"
                    >
                      Télécharger
                    </button>
                    <span class="hint">{{ readyDetail(item) }}</span>
                  </span>
                }
                @case ('EXPIRED') {
                  <span class="state">Expirée</span>
                }
                @case ('FAILED') {
                  <span class="state state--failed">Échec — réessayez</span>
                }
              }
            </li>
          }
        </ul>
      }
    }
  `,
  styleUrl: './_account-section.scss',
  styles: `
    .exports {
      list-style: none;
      margin: 0;
      padding: 0;

      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 16px;
        padding: 8px 0;
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 8px;
    }
    .state {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      font-weight: 500;
    }
    .state--failed {
      color: var(--mat-sys-error);
    }
  `,
})
export class DataExportSection implements OnInit {
  private readonly api = inject(DataExportsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly linkDays = DATA_EXPORT_LINK_DAYS;
  /** `null` until the first answer. */
  protected readonly exports = signal<DataExportDto[] | null>(null);
  protected readonly loadError = signal('');
  protected readonly requesting = busyFlag();
  protected readonly downloadingId = signal<string | null>(null);
  protected readonly error = signal('');
  /** Said by the live region: the request taken, the archive ready. */
  protected readonly notice = signal('');
  protected readonly formatDateTime = formatDateTime;

  private refresh: Subscription | null = null;

  constructor() {
    this.destroyRef.onDestroy(() => this.refresh?.unsubscribe());
  }

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loadError.set('');
    this.fetch(0);
  }

  protected request(): void {
    if (this.requesting()) {
      return;
    }
    this.error.set('');
    this.notice.set('');
    this.api
      .request()
      .pipe(this.requesting.track)
      .subscribe({
        next: (created) => {
          this.exports.update((list) => [created, ...(list ?? []).filter((e) => e.id !== created.id)]);
          this.notice.set('Votre archive est en préparation. Elle apparaîtra ci-dessous dès qu’elle sera prête.');
          this.fetch(EXPORT_POLL_MS);
        },
        // 409 (one is being built) and 429 (too many) come with the API's French message.
        error: (error: unknown) => {
          this.error.set(apiErrorMessage(error, 'Impossible de demander l’archive. Réessayez dans quelques instants.'));
          if ((error as { status?: number }).status === 409) {
            // The archive being built is the one to wait for: show it, and follow it.
            this.fetch(0);
          }
        },
      });
  }

  /** `(jusqu’au 21/03/2026 à 10:00, 2,3 Mo)`. */
  protected readyDetail(item: DataExportDto): string {
    const parts = [item.expiresAt ? `jusqu’au ${formatDateTime(item.expiresAt)}` : null, item.sizeBytes === null ? null : formatBytes(item.sizeBytes)];
    const text = parts.filter((part) => part !== null).join(', ');
    return text ? `(${text})` : '';
  }

  protected download(item: DataExportDto): void {
    if (this.downloadingId()) {
      return;
    }
    this.error.set('');
    this.downloadingId.set(item.id);
    this.api
      .download(item)
      .pipe(finalize(() => this.downloadingId.set(null)))
      .subscribe({
        next: (blob) => downloadFile(blob, exportFileName(item)),
        error: (error: unknown) => {
          this.error.set(apiErrorMessage(error, 'Impossible de télécharger l’archive.'));
          this.fetch(0);
        },
      });
  }

  /** Asks for the list after `delayMs`; goes on while an archive is being built. */
  private fetch(delayMs: number): void {
    this.refresh?.unsubscribe();
    this.refresh = timer(delayMs)
      .pipe(switchMap(() => this.api.list()))
      .subscribe({
        next: (list) => this.show(list),
        error: (error: unknown) => {
          // A failed refresh while the list is shown leaves it as it was; only the first load reports it.
          if (this.exports() === null) {
            this.loadError.set(apiErrorMessage(error, 'Impossible de charger vos archives.'));
          }
        },
      });
  }

  private show(list: DataExportDto[]): void {
    const before = new Map((this.exports() ?? []).map((e) => [e.id, e.status]));
    this.exports.set(list);
    const finished = list.filter((e) => before.get(e.id) === 'PENDING' && e.status !== 'PENDING');
    if (finished.some((e) => e.status === 'READY')) {
      this.notice.set('Votre archive est prête. Vous pouvez la télécharger.');
    } else if (finished.some((e) => e.status === 'FAILED')) {
      this.notice.set('La préparation de votre archive a échoué. Réessayez.');
    }
    if (list.some((e) => e.status === 'PENDING')) {
      this.fetch(EXPORT_POLL_MS);
    }
  }
}
