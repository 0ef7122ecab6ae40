import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, output, signal } from '@angular/core';
import { type AbstractControl, FormsModule, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  DEPT_PROJECT_LIMITS,
  type DeptPhotoDto,
  type DeptProjectDto,
  type DeptReportDto,
  type DeptReportInput,
} from '@passerelle/shared/dto';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { ErrorSummary, type ErrorSummaryItem, fieldErrorMessage, formErrorItems, showServerErrors } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, apiFieldErrors } from '@passerelle/web/shared/util-format';
import { filter, finalize, map, type Observable, of, switchMap, tap } from 'rxjs';
import { createReportForm, fillReportForm, reportHasText, toReportInput, videoGroup } from './report-form';

let nextId = 0;

/**
 * « Nouveau point d’avancement » (or the edit of a draft, refused or published report): the three texts, the
 * progress, the milestones reached, photos with their text alternative, video links. Photos belong to a saved
 * report: the first photo saves the draft first.
 */
@Component({
  selector: 'pas-report-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, ErrorSummary],
  template: `
    <form [formGroup]="form" (ngSubmit)="save(true)" novalidate [attr.aria-labelledby]="headingId">
      <h3 [id]="headingId" tabindex="-1">{{ current() ? 'Modifier le point d’avancement' : 'Nouveau point d’avancement' }}</h3>
      <pas-error-summary [items]="errors()" />
      @if (current()?.rejectionReason; as reason) {
        <p class="rejected">Motif du refus&nbsp;: {{ reason }}</p>
      }
      <div class="row">
        <mat-form-field appearance="outline">
          <mat-label>Date</mat-label>
          <input matInput type="date" [id]="prefix + '-reportedOn'" formControlName="reportedOn" required [max]="today" />
          <mat-error>{{ errorOf(form.controls.reportedOn) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Avancement du projet (%)</mat-label>
          <input matInput type="number" min="0" max="100" [id]="prefix + '-progress'" formControlName="progress" required />
          <mat-error>{{ errorOf(form.controls.progress) }}</mat-error>
        </mat-form-field>
      </div>
      <mat-form-field appearance="outline">
        <mat-label>Réalisé</mat-label>
        <textarea matInput rows="4" [id]="prefix + '-done'" formControlName="done"></textarea>
        <mat-error>{{ errorOf(form.controls.done) }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Difficultés rencontrées</mat-label>
        <textarea matInput rows="3" [id]="prefix + '-difficulties'" formControlName="difficulties"></textarea>
        <mat-error>{{ errorOf(form.controls.difficulties) }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Prochaines étapes</mat-label>
        <textarea matInput rows="3" [id]="prefix + '-nextSteps'" formControlName="nextSteps"></textarea>
        <mat-error>{{ errorOf(form.controls.nextSteps) }}</mat-error>
      </mat-form-field>

      @if (project().milestones.length > 0) {
        <fieldset>
          <legend>Étapes atteintes</legend>
          @for (milestone of project().milestones; track milestone.title) {
            <mat-checkbox [checked]="reached(milestone.title)" (change)="toggleMilestone(milestone.title, $event.checked)">
              {{ milestone.title }}
            </mat-checkbox>
          }
        </fieldset>
      }

      <fieldset>
        <legend>Photos</legend>
        <p class="hint">
          JPEG, PNG ou WebP, {{ limits.photosPerReport }} au plus. Chaque photo a besoin d’un texte alternatif qui décrit ce
          qu’elle montre.
        </p>
        <ul class="photos">
          @for (photo of photos(); track photo.id) {
            <li>
              <span class="filename">{{ photo.filename }}</span>
              <mat-form-field appearance="outline">
                <mat-label>Texte alternatif</mat-label>
                <input
                  matInput
                  required
                  [id]="prefix + '-photo-' + photo.id"
                  [maxlength]="limits.photoAlt"
                  [ngModel]="altOf(photo)"
                  [ngModelOptions]="{ standalone: true }"
                  (ngModelChange)="setAlt(photo, $event)"
                  (blur)="saveAlt(photo)"
                />
              </mat-form-field>
              <button mat-button type="button" [attr.aria-label]="'Retirer la photo ' + photo.filename" (click)="removePhoto(photo)">
                Retirer
              </button>
            </li>
          }
        </ul>
        @if (photos().length < limits.photosPerReport) {
          <label class="upload">
            <span>Ajouter une photo</span>
            <input type="file" accept="image/jpeg,image/png,image/webp" [disabled]="busy()" (change)="upload($event)" />
          </label>
        }
      </fieldset>

      <fieldset formArrayName="videos">
        <legend>Vidéos</legend>
        <p class="hint">Un lien vers PeerTube ou le site vidéo du Département (https), jamais intégré à la page.</p>
        @for (group of form.controls.videos.controls; track group; let i = $index) {
          <div class="video" [formGroupName]="i">
            <mat-form-field appearance="outline">
              <mat-label>Adresse de la vidéo {{ i + 1 }}</mat-label>
              <input matInput type="url" [id]="prefix + '-videos-' + i + '-url'" formControlName="url" required />
              <mat-error>{{ videoUrlError(group.controls.url) }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Titre de la vidéo {{ i + 1 }}</mat-label>
              <input matInput [id]="prefix + '-videos-' + i + '-title'" formControlName="title" required />
              <mat-error>{{ errorOf(group.controls.title) }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Vignette</mat-label>
              <mat-select [id]="prefix + '-videos-' + i + '-thumbnailPhotoId'" formControlName="thumbnailPhotoId">
                <mat-option [value]="null">Image générique</mat-option>
                @for (photo of photos(); track photo.id) {
                  <mat-option [value]="photo.id">{{ photo.alt || photo.filename }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <button mat-button type="button" [attr.aria-label]="'Retirer la vidéo ' + (i + 1)" (click)="removeVideo(i)">Retirer</button>
          </div>
        }
        @if (form.controls.videos.length < limits.videosPerReport) {
          <button mat-stroked-button type="button" (click)="addVideo()">Ajouter une vidéo</button>
        }
      </fieldset>

      @if (failure()) {
        <p class="error" role="alert">{{ failure() }}</p>
      }
      <p class="visually-hidden" role="status">{{ status() }}</p>
      <div class="actions">
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="save(false)">Enregistrer le brouillon</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Envoyer en relecture</button>
        <button mat-button type="button" (click)="cancelled.emit()">Annuler</button>
      </div>
    </form>
  `,
  styles: `
    :host { display: block; }
    form { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; }
    h3 { font: var(--mat-sys-title-medium); margin: 0 0 12px; }
    mat-form-field { width: 100%; }
    .row, .video, .photos li { display: flex; flex-wrap: wrap; gap: 0 12px; align-items: center; }
    .row mat-form-field, .video mat-form-field, .photos mat-form-field { flex: 1 1 12rem; width: auto; }
    fieldset { border: none; padding: 0; margin: 16px 0; }
    legend { font: var(--mat-sys-title-small); margin-bottom: 8px; }
    mat-checkbox { display: block; }
    .photos { list-style: none; padding: 0; margin: 0; }
    .filename { overflow-wrap: anywhere; min-width: 8rem; }
    .upload { display: inline-flex; flex-direction: column; gap: 4px; }
    .hint { color: var(--mat-sys-on-surface-variant); }
    .rejected, .error { color: var(--mat-sys-error); }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
    .actions button { min-height: 44px; }
  `,
})
export class ReportEditor implements OnInit {
  readonly project = input.required<DeptProjectDto>();
  /** The report edited; `null` for a new one. */
  readonly report = input<DeptReportDto | null>(null);
  readonly saved = output<DeptReportDto>();
  readonly cancelled = output();

  private readonly api = inject(DeptProjectsApi);
  protected readonly limits = DEPT_PROJECT_LIMITS;
  protected readonly prefix = `report-${nextId++}`;
  protected readonly headingId = `${this.prefix}-heading`;
  protected readonly today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  protected readonly form = createReportForm();
  /** The report as last saved (a new one once its draft is saved). */
  protected readonly current = signal<DeptReportDto | null>(null);
  protected readonly photos = signal<DeptPhotoDto[]>([]);
  private readonly alts = signal<Record<string, string>>({});
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly failure = signal('');
  protected readonly errors = signal<ErrorSummaryItem[]>([]);
  private readonly milestones = signal<string[]>([]);
  protected readonly reached = (title: string) => this.milestones().includes(title);
  protected readonly missingAlt = computed(() => this.photos().filter((photo) => !this.altOf(photo).trim()));

  ngOnInit(): void {
    const report = this.report();
    if (report) {
      this.current.set(report);
      fillReportForm(this.form, report);
      this.milestones.set([...report.milestonesReached]);
      this.photos.set([...report.photos]);
    } else {
      this.form.controls.progress.setValue(this.project().progress);
    }
  }

  protected altOf(photo: DeptPhotoDto): string {
    return this.alts()[photo.id] ?? photo.alt;
  }

  protected setAlt(photo: DeptPhotoDto, alt: string): void {
    this.alts.update((alts) => ({ ...alts, [photo.id]: alt }));
  }

  protected saveAlt(photo: DeptPhotoDto): void {
    const alt = this.altOf(photo).trim();
    if (alt === photo.alt || !alt) {
      return;
    }
    this.api.updatePhoto(photo.id, { alt }).subscribe({
      next: (updated) => {
        this.photos.update((photos) => photos.map((p) => (p.id === updated.id ? updated : p)));
        this.status.set('Texte alternatif enregistré.');
      },
      error: (error: unknown) => this.failure.set(apiErrorMessage(error, 'Le texte alternatif n’a pas pu être enregistré.')),
    });
  }

  protected toggleMilestone(title: string, checked: boolean): void {
    this.milestones.update((titles) => (checked ? [...titles.filter((t) => t !== title), title] : titles.filter((t) => t !== title)));
    this.form.controls.milestonesReached.setValue(this.milestones());
    this.form.controls.milestonesReached.markAsDirty();
  }

  protected addVideo(): void {
    this.form.controls.videos.push(videoGroup());
  }

  protected removeVideo(index: number): void {
    this.form.controls.videos.removeAt(index);
  }

  protected errorOf(control: AbstractControl): string {
    if (control.errors?.['min'] || control.errors?.['max']) {
      return 'Saisissez un nombre entre 0 et 100.';
    }
    return fieldErrorMessage(control);
  }

  protected videoUrlError(control: AbstractControl): string {
    return control.errors?.['pattern'] && !control.errors?.['server']
      ? 'Saisissez une adresse qui commence par https://, par exemple https://video.valdoise.fr/w/abc.'
      : fieldErrorMessage(control);
  }

  /** « Enregistrer le brouillon » (`submit: false`) or « Envoyer en relecture » (`submit: true`). */
  save(submit: boolean): void {
    if (this.busy()) {
      return;
    }
    this.failure.set('');
    this.status.set('');
    const problems: ErrorSummaryItem[] = [];
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      problems.push(...formErrorItems(this.form, { prefix: this.prefix, message: (control) => this.errorOf(control) }));
    }
    if (submit && !reportHasText(this.form)) {
      problems.push({ label: 'Réalisé', message: 'Décrivez au moins ce qui a été réalisé, les difficultés ou les prochaines étapes.', fieldId: `${this.prefix}-done` });
    }
    if (submit) {
      for (const photo of this.missingAlt()) {
        problems.push({ label: `Photo ${photo.filename}`, message: 'Saisissez son texte alternatif.', fieldId: `${this.prefix}-photo-${photo.id}` });
      }
    }
    this.errors.set(problems);
    if (problems.length > 0) {
      return;
    }
    this.busy.set(true);
    this.saveAlts()
      .pipe(
        switchMap(() => this.persist(toReportInput(this.form), submit)),
        finalize(() => this.busy.set(false)),
      )
      .subscribe({
        next: (report) => {
          this.current.set(report);
          this.form.markAsPristine();
          this.status.set(submit ? 'Point d’avancement envoyé en relecture.' : 'Brouillon enregistré.');
          this.saved.emit(report);
        },
        error: (error: unknown) => this.showError(error),
      });
  }

  /** Creates the report, or changes it with its version. */
  private persist(input: DeptReportInput, submit: boolean): Observable<DeptReportDto> {
    const current = this.current();
    return current
      ? this.api.updateReport(current.id, { ...input, version: current.version, submit })
      : this.api.createReport(this.project().id, { ...input, submit });
  }

  /** The text alternatives typed but not saved yet (the field left with Enter or the button pressed at once). */
  private saveAlts(): Observable<unknown> {
    const pending = this.photos().filter((photo) => this.altOf(photo).trim() && this.altOf(photo).trim() !== photo.alt);
    if (pending.length === 0) {
      return of(null);
    }
    return pending.reduce<Observable<unknown>>(
      (chain, photo) =>
        chain.pipe(
          switchMap(() => this.api.updatePhoto(photo.id, { alt: this.altOf(photo).trim() })),
          tap((updated) => this.photos.update((photos) => photos.map((p) => (p.id === updated.id ? updated : p)))),
        ),
      of(null),
    );
  }

  protected upload(event: Event): void {
    const field = event.target as HTMLInputElement;
    const file = field.files?.[0];
    field.value = '';
    if (!file || this.busy()) {
      return;
    }
    this.failure.set('');
    this.busy.set(true);
    this.status.set('Envoi de la photo…');
    const draft: Observable<DeptReportDto> = this.current()
      ? of(this.current() as DeptReportDto)
      : this.api.createReport(this.project().id, { ...toReportInput(this.form), submit: false }).pipe(
          tap((report) => {
            this.current.set(report);
            this.saved.emit(report);
          }),
        );
    draft
      .pipe(
        switchMap((report) => this.api.uploadPhoto(report.id, file)),
        filter((httpEvent) => httpEvent.type === HttpEventType.Response),
        map((httpEvent) => (httpEvent as { body: DeptPhotoDto }).body),
        finalize(() => this.busy.set(false)),
      )
      .subscribe({
        next: (photo) => {
          this.photos.update((photos) => [...photos, photo]);
          this.status.set(`Photo ${photo.filename} ajoutée : saisissez son texte alternatif.`);
        },
        error: (error: unknown) => this.failure.set(apiErrorMessage(error, 'La photo n’a pas pu être envoyée.')),
      });
  }

  protected removePhoto(photo: DeptPhotoDto): void {
    this.api.deletePhoto(photo.id).subscribe({
      next: () => {
        this.photos.update((photos) => photos.filter((p) => p.id !== photo.id));
        for (const group of this.form.controls.videos.controls) {
          if (group.controls.thumbnailPhotoId.value === photo.id) {
            group.controls.thumbnailPhotoId.setValue(null);
          }
        }
        this.status.set(`Photo ${photo.filename} retirée.`);
      },
      error: (error: unknown) => this.failure.set(apiErrorMessage(error, 'La photo n’a pas pu être retirée.')),
    });
  }

  private showError(error: unknown): void {
    // A refused video host comes back as a field error on `videos.0.url`: shown under that field.
    if (showServerErrors(this.form, error)) {
      this.errors.set(formErrorItems(this.form, { prefix: this.prefix, message: (control) => this.errorOf(control) }));
      const unmatched = Object.entries(apiFieldErrors(error)).filter(([path]) => !this.form.get(path));
      if (unmatched.length > 0) {
        this.failure.set(unmatched.map(([, message]) => message).join(' '));
      }
      return;
    }
    this.failure.set(apiErrorMessage(error, 'L’enregistrement a échoué. Vos saisies sont conservées\u00a0: réessayez.'));
  }
}
