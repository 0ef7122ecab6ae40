import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  DEPARTEMENT_ROLES,
  type FaqEntryDto,
  type FaqReviewAction,
  PROJECT_THEME_LABELS,
  THREAD_CATEGORY_LABELS,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { FaqApi } from '@passerelle/web/faq/data-access';
import {
  FaqAnswer,
  FaqFeedback,
  FaqLegalReferences,
  FaqStatusChip,
  nationalAttribution,
  validUntilText,
} from '@passerelle/web/faq/ui-faq';
import { PageTitle, PublicConfig } from '@passerelle/web/shared/data-access';
import { confirmAction } from '@passerelle/web/shared/ui-material';
import { apiErrorCode, apiErrorMessage, formatCount, formatDateTime } from '@passerelle/web/shared/util-format';
import { catchError, EMPTY, finalize, of, switchMap } from 'rxjs';
import { FAQ_AREA_BASE, faqAreaOf } from './faq-area';
import { askRejectReason } from './faq-reject-dialog';

export const VERSION_CONFLICT_MESSAGE =
  'Cette réponse a été modifiée entre-temps par quelqu’un d’autre\u00a0: la page vient d’être rechargée. Relisez-la avant d’agir.';

const DONE: Record<FaqReviewAction, string> = {
  submit: 'Réponse soumise à la relecture\u00a0: un autre agent ou un administrateur la publiera.',
  publish: 'Réponse publiée.',
  reject: 'Réponse renvoyée à son auteur avec votre motif.',
  archive: 'Réponse archivée.',
};

/**
 * An entry of the FAQ: `/espace/faq/:id` and `/faq/:id` for its readers (with « Cette réponse vous a-t-elle aidé ? »
 * for a signed-in reader), `/departement/faq/:id` for the staff, who also see its life (state, author, history,
 * source questions, readings) and the review actions their role allows, each sent with the version read.
 */
@Component({
  selector: 'pas-faq-entry-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, FaqAnswer, FaqFeedback, FaqLegalReferences, FaqStatusChip],
  templateUrl: './faq-entry-page.html',
  styleUrl: './faq-entry-page.scss',
})
export class FaqEntryPage {
  /** The entry's id, from the route. */
  readonly id = input.required<string>();
  /** Route data: which FAQ this is. */
  readonly area = input('commune', { transform: faqAreaOf });

  private readonly api = inject(FaqApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly pageTitle = inject(PageTitle);
  protected readonly session = inject(AuthSession);
  private readonly config = toSignal(inject(PublicConfig).load().pipe(catchError(() => of(null))), { initialValue: null });
  private readonly notice = viewChild<ElementRef<HTMLElement>>('notice');

  protected readonly entry = rxResource({
    params: () => ({ id: this.id(), area: this.area() }),
    stream: ({ params: { id, area } }) => (area === 'public' ? this.api.publicGet(id) : this.api.get(id)),
  });
  protected readonly current = computed<FaqEntryDto | null>(() => (this.entry.hasValue() ? this.entry.value() : null));
  protected readonly base = computed(() => FAQ_AREA_BASE[this.area()]);
  protected readonly staff = computed(() => {
    const role = this.session.role();
    return this.area() === 'departement' && role !== null && DEPARTEMENT_ROLES.includes(role);
  });
  protected readonly loadError = computed(() => {
    const error = this.entry.error();
    const status = (error as { status?: unknown } | undefined)?.status;
    return status === 404
      ? 'Cette réponse n’existe pas ou n’est plus disponible.'
      : apiErrorMessage(error, 'Impossible de charger cette réponse. Vérifiez votre connexion puis réessayez.');
  });

  protected readonly theme = computed(() => {
    const e = this.current();
    return e ? PROJECT_THEME_LABELS[e.theme] : '';
  });
  protected readonly category = computed(() => {
    const e = this.current();
    return e ? THREAD_CATEGORY_LABELS[e.category] : '';
  });
  protected readonly attribution = computed(() => {
    const e = this.current();
    return e ? nationalAttribution(e, this.session.user()?.departement.code ?? this.config()?.defaultDepartementCode ?? null) : null;
  });
  protected readonly validUntil = computed(() => validUntilText(this.current()?.validUntil ?? null));
  /** Only a published entry is asked about, and only by a signed-in reader (the answer is counted once per person). */
  protected readonly showFeedback = computed(
    () => this.current()?.status === 'PUBLISHED' && this.session.isSignedIn() && !this.staff(),
  );
  protected readonly personalData = computed(() => this.current()?.personalData ?? []);

  protected readonly canSubmit = computed(() => this.current()?.status === 'DRAFT' && !!this.current()?.canEdit);
  protected readonly canReview = computed(() => this.current()?.status === 'IN_REVIEW' && !!this.current()?.canReview);
  protected readonly canArchive = computed(() => !!this.current()?.canEdit && this.current()?.status !== 'ARCHIVED');
  /** The author (or submitter) of an entry to review: another agent must read it. */
  protected readonly ownInReview = computed(
    () => this.current()?.status === 'IN_REVIEW' && !!this.current()?.canEdit && !this.current()?.canReview,
  );

  protected readonly busy = signal<FaqReviewAction | 'reference' | null>(null);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);

  protected readonly feedbackBusy = signal(false);
  protected readonly feedbackSaved = signal(false);
  protected readonly feedbackError = signal('');

  protected readonly count = formatCount;
  protected readonly dateTime = formatDateTime;

  constructor() {
    // The tab's title says which answer this is, once it is known.
    effect(() => {
      const title = this.current()?.title;
      if (title) {
        this.pageTitle.set(title);
      }
    });
  }

  protected answer(helpful: boolean): void {
    const e = this.current();
    if (!e) {
      return;
    }
    this.feedbackBusy.set(true);
    this.feedbackSaved.set(false);
    this.feedbackError.set('');
    this.api
      .feedback(e.id, helpful)
      .pipe(finalize(() => this.feedbackBusy.set(false)))
      .subscribe({
        next: () => this.feedbackSaved.set(true),
        error: (error: unknown) => this.feedbackError.set(apiErrorMessage(error, 'Votre réponse n’a pas pu être enregistrée. Réessayez.')),
      });
  }

  protected act(action: Exclude<FaqReviewAction, 'reject'>): void {
    const e = this.current();
    if (!e || this.busy()) {
      return;
    }
    if (action === 'archive') {
      confirmAction(this.dialog, {
        title: 'Archiver cette réponse\u00a0?',
        message: `«\u00a0${e.title}\u00a0» ne sera plus lue par les communes ni, le cas échéant, par le public.`,
        confirmLabel: 'Archiver',
        destructive: true,
      }).subscribe((confirmed) => {
        if (confirmed) {
          this.review(e, action);
        }
      });
      return;
    }
    this.review(e, action);
  }

  protected reject(): void {
    const e = this.current();
    if (!e || this.busy()) {
      return;
    }
    askRejectReason(this.dialog, e.title).subscribe((reason) => {
      if (reason) {
        this.review(e, 'reject', reason);
      }
    });
  }

  /** Every published entry of the département citing this reference goes back to review, this one included. */
  protected referenceChanged(label: string): void {
    if (this.busy()) {
      return;
    }
    confirmAction(this.dialog, {
      title: 'Signaler un changement de référence\u00a0?',
      message: `Les réponses publiées du département qui citent «\u00a0${label}\u00a0» repartiront en relecture, le temps de les vérifier.`,
      confirmLabel: 'Signaler le changement',
    })
      .pipe(
        switchMap((confirmed) => {
          if (!confirmed) {
            return EMPTY;
          }
          this.busy.set('reference');
          return this.api.referenceChanged(label).pipe(finalize(() => this.busy.set(null)));
        }),
      )
      .subscribe({
        next: ({ entries }) => {
          this.say(
            entries === 0
              ? 'Aucune réponse publiée ne cite cette référence\u00a0: rien n’est reparti en relecture.'
              : `${formatCount(entries, 'réponse est repartie', 'réponses sont reparties')} en relecture.`,
            false,
          );
          this.entry.reload();
        },
        error: (error: unknown) => this.say(apiErrorMessage(error, 'Le changement n’a pas pu être signalé. Réessayez.'), true),
      });
  }

  private review(e: FaqEntryDto, action: FaqReviewAction, reason?: string): void {
    this.busy.set(action);
    this.message.set(null);
    this.api
      .review(e.id, { action, version: e.version, ...(reason ? { reason } : {}) })
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: (updated) => {
          this.entry.set(updated);
          this.say(DONE[action], false);
        },
        error: (error: unknown) => {
          const code = apiErrorCode(error);
          if (code === 'FAQ_VERSION_CONFLICT') {
            this.entry.reload();
            this.say(VERSION_CONFLICT_MESSAGE, true);
            return;
          }
          if (code === 'FAQ_PERSONAL_DATA') {
            // The passages to reword come with the entry read again.
            this.entry.reload();
          }
          this.say(apiErrorMessage(error, 'L’action n’a pas pu être enregistrée. Réessayez.'), true);
        },
      });
  }

  /** The result of an action, where the action was: focus moves to it, so that it is read out and seen on a phone. */
  private say(text: string, error: boolean): void {
    this.message.set({ text, error });
    afterNextRender(() => this.notice()?.nativeElement.focus(), { injector: this.injector });
  }
}
