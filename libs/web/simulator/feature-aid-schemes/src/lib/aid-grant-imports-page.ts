import { afterNextRender, ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, Injector, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import {
  AID_GRANT_IMPORT_MAX_BYTES,
  AID_GRANT_IMPORT_SCHEMES,
  type AidGrantImportDto,
  type AidGrantImportScheme,
  TYPICAL_RATE_MIN_COUNT,
} from '@passerelle/shared/dto';
import { confirmAction, ErrorSummary, type ErrorSummaryItem } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, apiFieldErrors, formatBytes, formatCount, formatDateTime } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { SimulatorApi } from '@passerelle/web/simulator/data-access';
import { filter, switchMap } from 'rxjs';

type ImportField = 'scheme' | 'file';

/** Where the summary's links lead: the first radio button (Material names its input `<id>-input`) and the file field. */
const FIELD_IDS: Record<ImportField, string> = { scheme: 'import-scheme-DETR-input', file: 'import-file' };
const FIELD_LABELS: Record<ImportField, string> = { scheme: 'Dotation', file: 'Fichier CSV' };

/**
 * `/departement/dispositifs/import` (the département's admins): the State's open-data files of DETR and DSIL grants.
 * Only the lines of the admin's département are kept; they feed the « taux habituels » of the simulator. Earlier imports
 * are listed and can be deleted.
 */
@Component({
  selector: 'pas-aid-grant-imports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MatRadioModule, ErrorSummary],
  templateUrl: './aid-grant-imports-page.html',
  styleUrl: './aid-grant-imports-page.scss',
})
export class AidGrantImportsPage {
  private readonly api = inject(SimulatorApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  protected readonly schemes = AID_GRANT_IMPORT_SCHEMES;
  protected readonly maxSize = formatBytes(AID_GRANT_IMPORT_MAX_BYTES);
  protected readonly minCount = TYPICAL_RATE_MIN_COUNT;
  protected readonly when = formatDateTime;

  protected readonly scheme = signal<AidGrantImportScheme | null>(null);
  protected readonly file = signal<File | null>(null);
  protected readonly errors = signal<Partial<Record<ImportField, string>>>({});
  protected readonly summary = signal<ErrorSummaryItem[]>([]);
  protected readonly result = signal<AidGrantImportDto | null>(null);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly uploading = busyFlag();
  protected readonly deleting = signal<string | null>(null);

  protected readonly imports = rxResource({ stream: () => this.api.listGrantImports() });
  protected readonly importsError = computed(() => apiErrorMessage(this.imports.error(), 'Les imports précédents n’ont pas pu être chargés.'));

  protected choose(input: HTMLInputElement): void {
    const file = input.files?.[0] ?? null;
    this.file.set(file);
    this.result.set(null);
    this.errors.update((errors) => ({ ...errors, file: file ? this.sizeError(file) : undefined }));
  }

  protected chooseScheme(scheme: AidGrantImportScheme): void {
    this.scheme.set(scheme);
    this.errors.update((errors) => ({ ...errors, scheme: undefined }));
  }

  protected upload(): void {
    if (this.uploading()) {
      return;
    }
    this.message.set(null);
    const scheme = this.scheme();
    const file = this.file();
    const errors: Partial<Record<ImportField, string>> = {};
    if (!scheme) {
      errors.scheme = 'Choisissez la dotation du fichier (DETR ou DSIL).';
    }
    if (!file) {
      errors.file = 'Choisissez le fichier CSV à importer.';
    } else {
      const tooLarge = this.sizeError(file);
      if (tooLarge) {
        errors.file = tooLarge;
      }
    }
    if (!scheme || !file || errors.file) {
      this.showErrors(errors);
      return;
    }
    this.showErrors({});
    this.uploading.track(this.api.importGrants(scheme, file)).subscribe({
      next: (result) => {
        this.result.set(result);
        this.imports.reload();
        afterNextRender(() => this.document.getElementById('import-result')?.focus(), { injector: this.injector });
      },
      error: (error: unknown) => {
        const fields = apiFieldErrors(error);
        const known: Partial<Record<ImportField, string>> = {};
        for (const field of ['scheme', 'file'] as const) {
          if (fields[field]) {
            known[field] = fields[field];
          }
        }
        if (Object.keys(known).length > 0) {
          this.showErrors(known);
          return;
        }
        this.say(apiErrorMessage(error, 'Le fichier n’a pas pu être importé. Réessayez.'), true);
      },
    });
  }

  protected remove(item: AidGrantImportDto): void {
    confirmAction(this.dialog, {
      title: 'Supprimer cet import\u00a0?',
      message:
        `Les ${formatCount(item.keptCount, 'subvention')} ${item.scheme} du fichier « ${item.fileName} » ` +
        'ne compteront plus dans les taux habituels du simulateur.',
      confirmLabel: 'Supprimer l’import',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.deleting.set(item.id);
          return this.api.deleteGrantImport(item.id);
        }),
      )
      .subscribe({
        next: () => {
          this.deleting.set(null);
          if (this.result()?.id === item.id) {
            this.result.set(null);
          }
          this.say(`Import du fichier « ${item.fileName} » supprimé.`, false);
          this.imports.reload();
        },
        error: (error: unknown) => {
          this.deleting.set(null);
          this.say(apiErrorMessage(error, 'L’import n’a pas pu être supprimé. Réessayez.'), true);
        },
      });
  }

  protected yearsText(item: AidGrantImportDto): string {
    if (item.years.length === 0) {
      return 'aucune année';
    }
    return `${item.years.length > 1 ? 'années' : 'année'} ${item.years.join(', ')}`;
  }

  protected keptText(item: AidGrantImportDto): string {
    return formatCount(item.keptCount, 'ligne retenue', 'lignes retenues');
  }

  protected otherText(item: AidGrantImportDto): string {
    return formatCount(item.otherDepartementCount, 'ligne d’un autre département ignorée', 'lignes d’autres départements ignorées');
  }

  protected rejectedText(item: AidGrantImportDto): string {
    return formatCount(item.rejectedCount, 'ligne rejetée', 'lignes rejetées');
  }

  private sizeError(file: File): string | undefined {
    return file.size > AID_GRANT_IMPORT_MAX_BYTES
      ? `Ce fichier pèse ${formatBytes(file.size)}\u00a0: un fichier ne peut pas dépasser ${this.maxSize}.`
      : undefined;
  }

  private showErrors(errors: Partial<Record<ImportField, string>>): void {
    this.errors.set(errors);
    this.summary.set(
      (Object.entries(errors) as [ImportField, string | undefined][]).flatMap(([field, text]) =>
        text ? [{ label: FIELD_LABELS[field], message: text, fieldId: FIELD_IDS[field] }] : [],
      ),
    );
  }

  private say(text: string, error: boolean): void {
    this.message.set({ text, error });
    afterNextRender(() => this.document.getElementById('import-message')?.focus(), { injector: this.injector });
  }
}
