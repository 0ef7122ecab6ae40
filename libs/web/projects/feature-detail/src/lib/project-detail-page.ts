import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  type DocumentDto,
  MAX_UPLOAD_BYTES,
  PROJECT_THEME_LABELS,
  type ProjectDto,
} from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { DocumentsApi, DocumentUploads, ObjectUrls, ProjectsApi } from '@passerelle/web/projects/data-access';
import {
  DocumentList,
  FundingTable,
  HistoryTimeline,
  MilestoneList,
  PhotoDialog,
  type PhotoDialogData,
  PhotoGallery,
  StatusChip,
} from '@passerelle/web/projects/ui-project';
import { PageTitle, PublicConfig } from '@passerelle/web/shared/data-access';
import { LocationMap } from '@passerelle/web/shared/ui-map';
import { confirmAction, FocusOnText } from '@passerelle/web/shared/ui-material';
import { downloadFile } from '@passerelle/web/shared/util-download';
import {
  apiErrorMessage,
  formatBytes,
  formatCalendarDay,
  formatDateTime,
  formatEuros,
  formatStorageUsage,
} from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { catchError, filter, finalize, of, switchMap } from 'rxjs';
import { PublicationPanel } from './publication-panel';

/** Which area the page is opened from: the commune's workspace, or the département's back office (read-only). */
export type ProjectArea = 'commune' | 'departement';

/**
 * `/espace/projets/:id` and `/departement/projets/:id`: the whole fiche, its photos, documents and history. What the
 * user may change comes from the fiche's `permissions`, so the same page is read-only for the département's staff.
 */
@Component({
  selector: 'pas-project-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FocusOnText,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    StatusChip,
    FundingTable,
    MilestoneList,
    HistoryTimeline,
    DocumentList,
    PhotoGallery,
    LocationMap,
    PublicationPanel,
  ],
  providers: [ObjectUrls],
  templateUrl: './project-detail-page.html',
  styleUrl: './project-detail-page.scss',
})
export class ProjectDetailPage {
  protected readonly ofPlace = ofPlace;
  readonly id = input.required<string>();
  /** From the route's data. */
  readonly area = input<ProjectArea>('commune');

  private readonly api = inject(ProjectsApi);
  private readonly documentsApi = inject(DocumentsApi);
  private readonly uploads = inject(DocumentUploads);
  private readonly territory = inject(TerritoryApi);
  private readonly objectUrls = inject(ObjectUrls);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  protected readonly project = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getProject(params),
  });
  protected readonly history = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getHistory(params),
  });
  private readonly insee = computed(() => (this.project.hasValue() ? this.project.value().commune.insee : undefined));
  protected readonly commune = rxResource({
    params: () => this.insee(),
    stream: ({ params }) => this.territory.getCommune(params),
  });
  protected readonly storage = rxResource({
    params: () => (this.project.hasValue() && this.project.value().permissions.upload ? this.insee() : undefined),
    stream: ({ params }) => this.api.getStorage(params),
  });
  protected readonly config = toSignal(inject(PublicConfig).load().pipe(catchError(() => of(null))), {
    initialValue: null,
  });

  protected readonly fiche = computed<ProjectDto | null>(() => (this.project.hasValue() ? this.project.value() : null));
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.project.error(), 'Impossible de charger la fiche projet.'),
  );
  protected readonly backLink = computed(() => (this.area() === 'departement' ? '/departement/projets' : '/espace'));
  protected readonly backLabel = computed(() =>
    this.area() === 'departement' ? '← Projets des communes' : '← Espace commune',
  );
  protected readonly themeLabel = computed(() => {
    const fiche = this.fiche();
    return fiche ? PROJECT_THEME_LABELS[fiche.theme] : '';
  });
  protected readonly photos = computed(() => this.fiche()?.documents.filter((d) => d.kind === 'PHOTO') ?? []);
  protected readonly files = computed(() => this.fiche()?.documents.filter((d) => d.kind !== 'PHOTO') ?? []);
  protected readonly thumbnails = this.objectUrls.urls;
  protected readonly costForShares = computed(() => {
    const fiche = this.fiche();
    return fiche ? (fiche.finalCostCents ?? fiche.forecastCostCents) : null;
  });
  protected readonly storageText = computed(() =>
    this.storage.hasValue() ? formatStorageUsage(this.storage.value().usedBytes, this.storage.value().quotaBytes) : '',
  );
  protected readonly hasLessons = computed(() => {
    const lessons = this.fiche()?.lessons;
    return !!lessons && !!(lessons.problems || lessons.differently || lessons.advice);
  });

  /** Percentage sent of the file being uploaded, `null` when none is. */
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly uploadingName = signal('');
  protected readonly uploadError = signal('');
  protected readonly notice = signal('');
  protected readonly actionError = signal('');
  protected readonly busyId = signal<string | null>(null);
  protected readonly deleting = busyFlag();
  protected readonly maxUpload = formatBytes(MAX_UPLOAD_BYTES);

  protected readonly euros = formatEuros;
  protected readonly day = formatCalendarDay;
  protected readonly when = formatDateTime;

  constructor() {
    effect(() => this.objectUrls.load(this.photos().map((photo) => photo.thumbnailUrl)));
    const pageTitle = inject(PageTitle);
    effect(() => {
      const fiche = this.fiche();
      if (fiche) {
        pageTitle.set('Fiche projet', fiche.title);
      }
    });
  }

  protected choose(input: HTMLInputElement): void {
    const file = input.files?.[0];
    // The same file chosen again after an error must fire `change` again.
    input.value = '';
    if (file) {
      this.upload(file);
    }
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) {
      this.upload(file);
    }
  }

  protected upload(file: File): void {
    const fiche = this.fiche();
    if (!fiche || this.uploadPercent() !== null) {
      return;
    }
    this.uploadError.set('');
    this.notice.set('');
    // Checked here too, so that nobody waits for 200 Mo to be sent only to hear they were too many.
    if (file.size > MAX_UPLOAD_BYTES) {
      this.uploadError.set(
        `« ${file.name} » pèse ${formatBytes(file.size)}\u00a0: un fichier ne peut pas dépasser ${this.maxUpload}.`,
      );
      return;
    }
    this.uploadingName.set(file.name);
    this.uploadPercent.set(0);
    this.uploads
      .upload(fiche.id, file)
      .pipe(finalize(() => this.uploadPercent.set(null)))
      .subscribe({
        next: (state) => {
          if (state.state === 'progress') {
            this.uploadPercent.set(state.percent);
          } else {
            this.notice.set(`« ${state.result.filename} » a été ajouté.`);
            this.refresh();
          }
        },
        error: (error: unknown) =>
          this.uploadError.set(apiErrorMessage(error, `L’envoi de « ${file.name} » a échoué. Réessayez.`)),
      });
  }

  protected download(document: DocumentDto): void {
    this.busyId.set(document.id);
    this.actionError.set('');
    this.documentsApi
      .getBlob(document.contentUrl)
      .pipe(finalize(() => this.busyId.set(null)))
      .subscribe({
        next: (blob) => downloadFile(blob, document.filename),
        error: (error: unknown) => this.actionError.set(apiErrorMessage(error, 'Le téléchargement a échoué.')),
      });
  }

  protected openPhoto(photo: DocumentDto): void {
    this.busyId.set(photo.id);
    this.documentsApi
      .getBlob(photo.contentUrl)
      .pipe(finalize(() => this.busyId.set(null)))
      .subscribe({
        next: (blob) => {
          const src = URL.createObjectURL(blob);
          this.dialog
            .open<PhotoDialog, PhotoDialogData>(PhotoDialog, {
              data: { filename: photo.filename, src },
              maxWidth: '95vw',
            })
            .afterClosed()
            .subscribe(() => URL.revokeObjectURL(src));
        },
        error: (error: unknown) => this.actionError.set(apiErrorMessage(error, 'La photo n’a pas pu être ouverte.')),
      });
  }

  protected removeDocument(document: DocumentDto): void {
    confirmAction(this.dialog, {
      title: 'Supprimer ce document\u00a0?',
      message: `« ${document.filename} » sera retiré de la fiche.`,
      confirmLabel: 'Supprimer',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busyId.set(document.id);
          return this.documentsApi.deleteDocument(document.id).pipe(finalize(() => this.busyId.set(null)));
        }),
      )
      .subscribe({
        next: () => {
          this.notice.set(`« ${document.filename} » a été supprimé.`);
          this.refresh();
        },
        error: (error: unknown) => this.actionError.set(apiErrorMessage(error)),
      });
  }

  protected deleteProject(): void {
    const fiche = this.fiche();
    if (!fiche) {
      return;
    }
    confirmAction(this.dialog, {
      title: 'Supprimer ce projet\u00a0?',
      message: `La fiche « ${fiche.title} », ses photos et ses documents seront supprimés.`,
      confirmLabel: 'Supprimer le projet',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.deleteProject(fiche.id).pipe(this.deleting.track)),
      )
      .subscribe({
        next: () => void this.router.navigateByUrl('/espace'),
        error: (error: unknown) => this.actionError.set(apiErrorMessage(error)),
      });
  }

  private refresh(): void {
    this.project.reload();
    this.history.reload();
    this.storage.reload();
  }
}
