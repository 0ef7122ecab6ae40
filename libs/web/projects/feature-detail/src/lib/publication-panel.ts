import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  DEPARTEMENT_ROLES,
  type DocumentDto,
  PUBLICATION_STATE_LABELS,
  type PublicationActionInput,
  type PublicationDto,
  type ProjectDto,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { PublicationApi, staleCurrent } from '@passerelle/web/publication/data-access';
import { PublicationChoices, PublicationLog, PublicationViewsChart } from '@passerelle/web/publication/ui-publication';
import { confirmAction, FocusOnText } from '@passerelle/web/shared/ui-material';
import {
  apiErrorCode,
  apiErrorMessage,
  apiFieldErrors,
  formatCount,
  formatDate,
  formatDateTime,
} from '@passerelle/web/shared/util-format';
import { filter } from 'rxjs';
import { busyFlag } from '@passerelle/web/shared/util-forms';

/** Said when the publication moved on under the user (409): the panel reloads and says why. */
const CONFLICT_FALLBACK =
  'La publication a changé entre-temps (quelqu’un d’autre a agi)\u00a0: elle vient d’être rechargée. Vérifiez puis recommencez.';

/** Said when the fiche changed since the mayor read it (409): the page reloads it, the mayor reads it again. */
const STALE_MESSAGE =
  'La fiche a changé depuis votre lecture\u00a0: la version actuelle vient d’être chargée. Relisez-la, puis donnez de nouveau votre accord.';

/**
 * The fiche's publication on the public portal: its state and log, what the commune chooses to show, and the
 * actions the signed-in user may take now (from the API's `can`). Staff only see the state and the way to the review.
 */
@Component({
  selector: 'pas-publication-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, RouterLink, MatButtonModule, MatProgressBarModule, PublicationChoices, PublicationLog, PublicationViewsChart],
  template: `
    <h2 id="d-publication">Publication sur le portail public</h2>

    @if (publication.isLoading() && !pub()) {
      <mat-progress-bar mode="indeterminate" aria-label="Chargement de la publication" />
    } @else if (publication.error() && !pub()) {
      <div class="message message--error" role="alert">
        <p>{{ loadError() }}</p>
        <button mat-stroked-button type="button" (click)="publication.reload()">Réessayer</button>
      </div>
    }

    <p class="notice" role="status" [pasFocusOnText]="notice()">{{ notice() }}</p>
    @if (error()) {
      <p class="message message--error" role="alert">{{ error() }}</p>
    }

    @if (pub(); as p) {
      <p class="state">
        <span class="chip" [class]="'chip chip--' + p.state.toLowerCase()">{{ stateLabel() }}</span>
        @if (p.state === 'PUBLISHED' && p.publishedAt) {
          <span class="hint">depuis le {{ date(p.publishedAt) }}</span>
        }
      </p>
      <p class="hint process">
        La commune demande la publication, le maire donne son accord, le département relit la fiche, puis elle devient
        visible de tous. Le maire peut retirer son accord à tout moment&nbsp;: la fiche quitte alors le portail aussitôt.
      </p>

      @if (p.slug && p.state !== 'PRIVATE') {
        <p><a class="public-link" [routerLink]="['/projets', p.slug]">Voir la page publique</a></p>
      }

      @if (!completed()) {
        <p class="message message--info">
          La publication sera possible quand le projet sera à l’état «&nbsp;Réalisé&nbsp;».
        </p>
      }

      @if (p.rejectionReason) {
        <div class="message message--warning">
          <p><strong>Le département n’a pas publié cette version.</strong> Son message&nbsp;:</p>
          <blockquote class="prose">{{ p.rejectionReason }}</blockquote>
        </div>
      }

      @if (p.pendingChanges) {
        @if (p.can.request) {
          <p class="message message--info pending">
            Des modifications faites depuis la relecture ne sont pas en ligne&nbsp;: demandez une nouvelle relecture.
          </p>
        } @else if (p.state !== 'PRIVATE') {
          <p class="message message--info pending">
            Des modifications faites depuis la relecture ne sont pas encore en ligne&nbsp;; le public voit la version
            relue jusqu’à la prochaine relecture.
          </p>
        }
      }

      @if (staff()) {
        @if (p.state === 'AWAITING_REVIEW') {
          <p>
            <a mat-flat-button class="review-link" [routerLink]="['/departement/publications', project().id]">Relire</a>
          </p>
        }
      } @else {
        @if (p.state === 'AWAITING_CONSENT') {
          @if (p.can.consent) {
            <p class="asked">
              @if (request(); as r) {
                {{ r.actor ?? 'Un membre de l’équipe' }} a demandé la publication le {{ when(r.at) }}.
              }
              Vérifiez ce qui sera public, puis donnez votre accord&nbsp;: la fiche partira en relecture au département.
            </p>
          } @else {
            <p class="hint">Le maire a été prévenu&nbsp;; il donne son accord depuis cette page.</p>
          }
        }

        @if (choosing()) {
          <pas-publication-choices
            [photos]="photos()"
            [files]="files()"
            [thumbnails]="thumbnails()"
            [selected]="selected()"
            [showFunding]="showFunding()"
            [submitLabel]="submitLabel()"
            [busy]="busy()"
            [mayorNotified]="!mayor() && p.can.request"
            (toggled)="toggle($event)"
            (showFundingChange)="showFunding.set($event)"
            (submitted)="submit()"
          />
        }

        @if (p.can.withdraw) {
          <div class="actions">
            <button mat-stroked-button type="button" class="danger withdraw" [disabled]="busy()" (click)="withdraw()">
              Retirer l’accord
            </button>
          </div>
        }
      }

      @if (p.views; as views) {
        <pas-publication-views-chart [views]="views" />
      }

      @if (p.events.length > 0) {
        <details class="log">
          <summary>Journal de la publication ({{ p.events.length }})</summary>
          <pas-publication-log [events]="p.events" />
        </details>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 12px;
    }
    p {
      margin: 0 0 12px;
    }
    .state {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .chip--awaiting_consent,
    .chip--awaiting_review {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .chip--published {
      background: #c8ebd0;
      color: #0b3d1a;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .process {
      font: var(--mat-sys-body-small);
    }
    .prose {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .message {
      margin: 0 0 12px;
      padding: 12px 16px;
      border-radius: 8px;
      p {
        margin: 0 0 8px;
      }
      &--error {
        background: var(--mat-sys-error-container);
        color: var(--mat-sys-on-error-container);
      }
      &--info {
        background: var(--mat-sys-surface-container-high);
      }
      &--warning {
        background: var(--mat-sys-tertiary-container);
        color: var(--mat-sys-on-tertiary-container);
      }
    }
    blockquote {
      margin: 0;
      padding-left: 12px;
      border-left: 3px solid currentColor;
    }
    .notice:empty {
      display: none;
    }
    .notice {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0;
    }
    .danger {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
    }
    .log {
      margin-top: 16px;
      summary {
        cursor: pointer;
        color: var(--mat-sys-primary);
        margin-bottom: 8px;
      }
    }
  `,
})
export class PublicationPanel {
  readonly project = input.required<ProjectDto>();
  /** API thumbnail address → `blob:` URL, as the page already loaded them for its gallery. */
  readonly thumbnails = input<Readonly<Record<string, string>>>({});
  /** The fiche changed since it was loaded (a consent was refused for that): the page reloads it. */
  readonly ficheChanged = output<void>();

  private readonly api = inject(PublicationApi);
  private readonly session = inject(AuthSession);
  private readonly dialog = inject(MatDialog);

  /**
   * Reloaded when the fiche changes (its version decides whether changes are waiting for a review), and only then:
   * the key is a string, so a new copy of the same fiche does not reload it and wipe the choices being made.
   */
  protected readonly publication = rxResource({
    params: () => `${this.project().id}@${this.project().version}`,
    stream: ({ params }) => this.api.get(params.slice(0, params.indexOf('@'))),
  });
  protected readonly pub = computed<PublicationDto | null>(() =>
    this.publication.hasValue() ? this.publication.value() : null,
  );
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.publication.error(), 'Impossible de charger l’état de la publication.'),
  );

  protected readonly staff = computed(() => {
    const role = this.session.role();
    return role !== null && DEPARTEMENT_ROLES.includes(role);
  });
  protected readonly mayor = computed(() => this.session.role() === 'MAYOR');
  protected readonly completed = computed(() => this.project().status === 'COMPLETED');
  protected readonly stateLabel = computed(() => {
    const p = this.pub();
    return p ? PUBLICATION_STATE_LABELS[p.state] : '';
  });

  protected readonly photos = computed(() => this.project().documents.filter((d) => d.kind === 'PHOTO'));
  protected readonly files = computed(() => this.project().documents.filter((d) => d.kind !== 'PHOTO'));

  /** The commune's choices, as last saved; edited here until sent with a request or the mayor's consent. */
  protected readonly selected = linkedSignal<ReadonlySet<string>>(() => {
    const existing = new Set(this.project().documents.map((d: DocumentDto) => d.id));
    return new Set((this.pub()?.choices.documentIds ?? []).filter((id) => existing.has(id)));
  });
  protected readonly showFunding = linkedSignal(() => this.pub()?.choices.showFunding ?? false);

  /** The choices can be edited whenever they are about to be sent: a request, or the mayor's consent. */
  protected readonly choosing = computed(() => {
    const p = this.pub();
    return !!p && !this.staff() && (p.can.request || p.can.consent);
  });
  protected readonly submitAction = computed<'request' | 'consent'>(() => (this.pub()?.can.consent ? 'consent' : 'request'));
  protected readonly submitLabel = computed(() => {
    const p = this.pub();
    if (p?.can.consent) {
      return 'Donner mon accord';
    }
    if (p?.state === 'PUBLISHED') {
      return 'Demander une nouvelle relecture';
    }
    return this.mayor() ? 'Publier avec mon accord' : 'Demander la publication';
  });

  /** The request waiting for the mayor's consent, from the log (newest first). */
  protected readonly request = computed(() => this.pub()?.events.find((e) => e.action === 'request') ?? null);

  protected readonly busy = busyFlag();
  protected readonly notice = signal('');
  protected readonly error = signal('');

  protected readonly when = formatDateTime;
  protected readonly date = formatDate;

  protected toggle(id: string): void {
    this.selected.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });
  }

  protected submit(): void {
    const action = this.submitAction();
    const documentIds = this.project()
      .documents.map((d) => d.id)
      .filter((id) => this.selected().has(id));
    const chosen = chosenText(this.project().documents.filter((d) => this.selected().has(d.id)));
    const done =
      action === 'consent' || this.mayor()
        ? `Votre accord est enregistré (${chosen})\u00a0: le département va relire la fiche avant de la publier.`
        : `Demande envoyée (${chosen})\u00a0: le maire est prévenu et doit donner son accord.`;
    // A consent (a mayor's request is one) names the version read: a fiche changed since is refused, not published.
    const consents = action === 'consent' || this.mayor();
    const version = consents ? this.pub()?.previewVersion : undefined;
    this.act(action, done, { documentIds, showFunding: this.showFunding() }, version);
  }

  protected withdraw(): void {
    // A fiche under a new review is still online: withdrawing takes it off too.
    const published = !!this.pub()?.slug;
    confirmAction(this.dialog, {
      title: 'Retirer l’accord de publication\u00a0?',
      message: published
        ? `« ${this.project().title} » disparaîtra immédiatement du portail public. Une nouvelle demande et une nouvelle relecture seront nécessaires pour la republier.`
        : `La demande de publication de « ${this.project().title} » sera annulée.`,
      confirmLabel: 'Retirer l’accord',
      destructive: true,
    })
      .pipe(filter(Boolean))
      .subscribe(() =>
        this.act(
          'withdraw',
          published ? 'Accord retiré\u00a0: la fiche n’est plus visible sur le portail public.' : 'Accord retiré\u00a0: la demande est annulée.',
        ),
      );
  }

  private act(
    action: 'request' | 'consent' | 'withdraw',
    done: string,
    choices?: { documentIds: string[]; showFunding: boolean },
    version?: string,
  ): void {
    if (this.busy()) {
      return;
    }
    this.notice.set('');
    this.error.set('');
    const input: PublicationActionInput =
      action === 'withdraw' ? { action } : { action, ...(choices ? { choices } : {}), ...(version ? { version } : {}) };
    this.api
      .act(this.project().id, input)
      .pipe(this.busy.track)
      .subscribe({
        next: (publication) => {
          this.publication.set(publication);
          this.notice.set(done);
        },
        error: (error: unknown) => this.showError(error),
      });
  }

  private showError(error: unknown): void {
    const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
    if (staleCurrent(error)) {
      this.publication.reload();
      this.ficheChanged.emit();
      this.error.set(STALE_MESSAGE);
      return;
    }
    if (status === 409) {
      this.publication.reload();
      // "Rechargez la page" would be wrong advice: the panel has just reloaded itself.
      this.error.set(
        apiErrorCode(error) === 'PUBLICATION_TRANSITION_FORBIDDEN' ? CONFLICT_FALLBACK : apiErrorMessage(error, CONFLICT_FALLBACK),
      );
      return;
    }
    const fields = Object.values(apiFieldErrors(error));
    this.error.set(fields.length > 0 ? fields.join(' ') : apiErrorMessage(error, 'L’action n’a pas abouti. Réessayez.'));
  }
}

/** `1 photo et 1 document`, `2 photos`, `aucune photo ni document`: what the request makes public. */
function chosenText(documents: readonly DocumentDto[]): string {
  const photos = documents.filter((d) => d.kind === 'PHOTO').length;
  const files = documents.length - photos;
  const parts = [photos > 0 ? formatCount(photos, 'photo') : '', files > 0 ? formatCount(files, 'document') : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' et ') : 'aucune photo ni document';
}
