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
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  PUBLICATION_LIMITS,
  PUBLICATION_STATE_LABELS,
  type PublicationAction,
  type PublicationApproveInput,
  type PublicationOtherActionInput,
  type PublicDocumentDto,
} from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { DocumentsApi, ObjectUrls } from '@passerelle/web/projects/data-access';
import { PublicationApi, staleCurrent } from '@passerelle/web/publication/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import {
  confirmAction,
  fieldErrorMessage,
  injectFocusInvalidField,
  notBlank,
  showServerErrors,
} from '@passerelle/web/shared/ui-material';
import { downloadFile } from '@passerelle/web/shared/util-download';
import { apiErrorCode, apiErrorMessage, formatDate } from '@passerelle/web/shared/util-format';
import { PublicProjectView } from '@passerelle/web/public/ui-public';
import { catchError, finalize, of } from 'rxjs';
import { PublicationLog } from '@passerelle/web/publication/ui-publication';

/** Said when the publication moved on under the agent (409): most often a colleague decided first. */
const CONFLICT_MESSAGE =
  'Cette demande a changé entre-temps (un autre agent l’a peut-être déjà traitée, la fiche a été modifiée et attend de nouveau l’accord du maire, ou le maire a retiré son accord)\u00a0: la page vient d’être rechargée.';

/** Said when the fiche changed since the preview the agent read (409 with the current one, shown at once). */
const STALE_MESSAGE =
  'La fiche a changé depuis votre lecture\u00a0: voici la version actuelle. Relisez-la avant de décider, rien n’a été publié.';

const REASON_REQUIRED = 'Indiquez à la commune pourquoi la fiche n’est pas publiée et ce qu’il faudrait changer.';

/**
 * `/departement/publications/:id`: the fiche exactly as the public would see it, and the agent's decision. Approving
 * publishes that snapshot; refusing sends the reason to the commune.
 */
@Component({
  selector: 'pas-publication-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PublicProjectView,
    PublicationLog,
  ],
  providers: [ObjectUrls],
  templateUrl: './publication-review-page.html',
  styleUrl: './publication-review-page.scss',
})
export class PublicationReviewPage {
  /** The project's id, from the route. */
  readonly id = input.required<string>();

  private readonly api = inject(PublicationApi);
  private readonly documentsApi = inject(DocumentsApi);
  private readonly objectUrls = inject(ObjectUrls);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly reasonInput = viewChild<ElementRef<HTMLTextAreaElement>>('reasonInput');
  /** The reason is one field: its error shows under it and focus goes back to it, without an error summary. */
  private readonly focusInvalidField = injectFocusInvalidField();
  private readonly decisionTitle = viewChild<ElementRef<HTMLElement>>('decisionTitle');
  private readonly staleAlert = viewChild<ElementRef<HTMLElement>>('staleAlert');

  protected readonly preview = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.preview(params),
  });
  protected readonly publication = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly config = toSignal(inject(PublicConfig).load().pipe(catchError(() => of(null))), {
    initialValue: null,
  });

  protected readonly fiche = computed(() => (this.preview.hasValue() ? this.preview.value() : null));
  protected readonly pub = computed(() => (this.publication.hasValue() ? this.publication.value() : null));
  protected readonly imageSrc = this.objectUrls.urls;
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.preview.error() ?? this.publication.error(), 'Impossible de charger la fiche à relire.'),
  );
  protected readonly stateLabel = computed(() => {
    const p = this.pub();
    return p ? PUBLICATION_STATE_LABELS[p.state] : '';
  });
  protected readonly awaitingReview = computed(() => this.pub()?.state === 'AWAITING_REVIEW');
  /** Already online: the review is of changes, and a refusal leaves the reviewed version in place. */
  protected readonly republication = computed(() => !!this.pub()?.slug);

  protected readonly rejecting = signal(false);
  protected readonly busy = signal<PublicationAction | null>(null);
  protected readonly error = signal('');
  /** The approval was refused because the fiche changed: the preview shown is now the current one. */
  protected readonly stale = signal(false);
  protected readonly staleMessage = STALE_MESSAGE;
  protected readonly reasonMax = PUBLICATION_LIMITS.reason;
  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(PUBLICATION_LIMITS.reason)],
    }),
  });
  protected readonly reason = this.form.controls.reason;
  protected readonly date = formatDate;

  constructor() {
    // Photos only: the documents are fetched when asked for (`download`), they can weigh 25 Mo each.
    effect(() => {
      const fiche = this.fiche();
      if (fiche) {
        this.objectUrls.load(fiche.photos.flatMap((photo) => [photo.thumbnailUrl, photo.contentUrl]));
      }
    });
  }

  protected reasonError(): string {
    return this.reason.hasError('required') ? REASON_REQUIRED : fieldErrorMessage(this.reason);
  }

  /** The fragment link would not do: the `<base href>` makes `#…` point at the home page. */
  protected goToDecision(): void {
    const title = this.decisionTitle()?.nativeElement;
    title?.scrollIntoView({ block: 'start' });
    title?.focus({ preventScroll: true });
  }

  protected startReject(): void {
    this.rejecting.set(true);
    this.error.set('');
    afterNextRender(() => this.reasonInput()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancelReject(): void {
    this.rejecting.set(false);
    this.reason.markAsUntouched();
  }

  /**
   * Approves the version on screen once the agent confirmed (publishing is public at once and tells the commune):
   * if the fiche changed since, the API refuses and sends the current one.
   */
  protected approve(): void {
    const fiche = this.fiche();
    if (!fiche || this.busy()) {
      return;
    }
    confirmAction(this.dialog, {
      title: 'Approuver et publier cette fiche ?',
      message: `« ${fiche.title} » sera visible de tous sur le portail public dès maintenant. La commune sera prévenue par courriel.`,
      confirmLabel: 'Approuver et publier',
    }).subscribe((confirmed) => {
      if (confirmed) {
        this.decide({ action: 'approve', version: fiche.version }, `« ${fiche.title} » est publié sur le portail public.`);
      }
    });
  }

  protected reject(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) {
      this.focusInvalidField();
      return;
    }
    const commune = this.fiche()?.commune.name;
    this.decide(
      { action: 'reject', reason: this.reason.value.trim() },
      commune ? `Refus envoyé à la commune ${ofPlace(commune)}.` : 'Refus envoyé à la commune.',
    );
  }

  protected download(document: PublicDocumentDto): void {
    this.documentsApi.getBlob(document.contentUrl).subscribe({
      next: (blob) => downloadFile(blob, document.filename),
      error: (error: unknown) => this.error.set(apiErrorMessage(error, 'Le téléchargement a échoué.')),
    });
  }

  private decide(input: PublicationApproveInput | (PublicationOtherActionInput & { action: 'reject' }), done: string): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(input.action);
    this.error.set('');
    this.stale.set(false);
    this.api
      .act(this.id(), input)
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: () => {
          this.snackBar.open(done, 'OK', { duration: 6000 });
          void this.router.navigateByUrl('/departement/publications');
        },
        error: (error: unknown) => {
          const status = (error as { status?: unknown } | null)?.status;
          const current = staleCurrent(error);
          if (current) {
            // The agent decides on what is on screen: show the current version in place of the one read.
            this.preview.set(current);
            this.publication.reload();
            this.stale.set(true);
            afterNextRender(() => this.staleAlert()?.nativeElement.focus(), { injector: this.injector });
            return;
          }
          if (status === 409) {
            this.rejecting.set(false);
            this.preview.reload();
            this.publication.reload();
            this.error.set(
              apiErrorCode(error) === 'PUBLICATION_TRANSITION_FORBIDDEN' ? CONFLICT_MESSAGE : apiErrorMessage(error, CONFLICT_MESSAGE),
            );
            return;
          }
          if (showServerErrors(this.form, error)) {
            this.focusInvalidField();
          } else {
            this.error.set(apiErrorMessage(error, 'La décision n’a pas pu être enregistrée. Réessayez.'));
          }
        },
      });
  }
}
