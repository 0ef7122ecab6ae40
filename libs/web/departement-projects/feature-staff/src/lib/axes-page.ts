import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { DEPT_PROJECT_LIMITS, type ProgrammeAxisDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { confirmAction, fieldErrorMessage, showServerErrors } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { filter, finalize, switchMap } from 'rxjs';

const axisForm = () =>
  new FormGroup({
    label: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(DEPT_PROJECT_LIMITS.axisLabel)],
    }),
    description: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(DEPT_PROJECT_LIMITS.axisDescription)] }),
  });

/** `/departement/administration/axes` (admins): the axes of the département's programme, in their order. */
@Component({
  selector: 'pas-axes-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <p class="back"><a routerLink="/departement/administration">← Administration</a></p>
    <h1>Axes du programme</h1>
    <p class="hint">Les axes classent les projets du Département sur la carte publique et dans la lettre d’information.</p>
    <p class="visually-hidden" role="status">{{ status() }}</p>
    @if (failure()) {
      <p class="error" role="alert">{{ failure() }}</p>
    }
    @if (axes.error()) {
      <p class="error" role="alert">{{ loadError() }}</p>
    }
    <ol class="axes">
      @for (axis of axes.value() ?? []; track axis.id; let first = $first; let last = $last) {
        <li [id]="'axe-' + axis.id" tabindex="-1">
          @if (editingId() === axis.id) {
            <form [formGroup]="editForm" (ngSubmit)="saveEdit(axis)" novalidate>
              <mat-form-field appearance="outline">
                <mat-label>Intitulé</mat-label>
                <input matInput [id]="'edit-label-' + axis.id" formControlName="label" required />
                <mat-error>{{ error(editForm.controls.label) }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>Description</mat-label>
                <textarea matInput rows="2" formControlName="description"></textarea>
                <mat-error>{{ error(editForm.controls.description) }}</mat-error>
              </mat-form-field>
              <div class="actions">
                <button mat-flat-button type="submit" [disabled]="busy()">Enregistrer</button>
                <button mat-button type="button" (click)="cancelEdit(axis)">Annuler</button>
              </div>
            </form>
          } @else {
            <h2>{{ axis.label }}</h2>
            @if (axis.description) {
              <p>{{ axis.description }}</p>
            }
            <p class="hint">{{ axis.projectCount === 1 ? '1 projet' : axis.projectCount + ' projets' }}</p>
            <div class="actions">
              <button mat-stroked-button type="button" [attr.aria-label]="'Modifier l’axe ' + axis.label" (click)="startEdit(axis)">Modifier</button>
              <button mat-button type="button" [disabled]="first || busy()" [attr.aria-label]="'Monter l’axe ' + axis.label" (click)="move(axis, -1)">Monter</button>
              <button mat-button type="button" [disabled]="last || busy()" [attr.aria-label]="'Descendre l’axe ' + axis.label" (click)="move(axis, 1)">Descendre</button>
              <button mat-button type="button" class="destructive" [attr.aria-label]="'Supprimer l’axe ' + axis.label" (click)="remove(axis)">Supprimer</button>
            </div>
          }
        </li>
      } @empty {
        @if (axes.hasValue()) {
          <li class="hint">Aucun axe pour le moment.</li>
        }
      }
    </ol>

    <h2 id="new-axis-heading">Ajouter un axe</h2>
    <form [formGroup]="newForm" (ngSubmit)="add()" novalidate aria-labelledby="new-axis-heading">
      <mat-form-field appearance="outline">
        <mat-label>Intitulé</mat-label>
        <input matInput id="new-axis-label" formControlName="label" required />
        <mat-error>{{ error(newForm.controls.label) }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Description</mat-label>
        <textarea matInput rows="2" formControlName="description"></textarea>
        <mat-error>{{ error(newForm.controls.description) }}</mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">Ajouter l’axe</button>
    </form>
  `,
  styles: `
    :host { display: block; max-width: 48rem; }
    h1 { font: var(--mat-sys-headline-medium); margin: 0; }
    h2 { font: var(--mat-sys-title-medium); margin: 8px 0 4px; }
    #new-axis-heading { font: var(--mat-sys-title-large); margin-top: 32px; }
    mat-form-field { width: 100%; }
    .axes { padding-left: 20px; }
    .axes li { margin-bottom: 16px; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
    .actions button { min-height: 44px; }
    .hint { color: var(--mat-sys-on-surface-variant); }
    .error, .destructive { color: var(--mat-sys-error); }
  `,
})
export class AxesPage {
  private readonly api = inject(DeptProjectsApi);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(AuthSession);
  private readonly code = computed(() => this.session.user()?.departement?.code);
  protected readonly axes = rxResource({ params: () => this.code(), stream: ({ params }) => this.api.listAxes(params) });
  protected readonly loadError = computed(() => apiErrorMessage(this.axes.error(), 'Impossible de charger les axes.'));
  protected readonly newForm = axisForm();
  protected readonly editForm = axisForm();
  protected readonly editingId = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly failure = signal('');
  protected readonly error = fieldErrorMessage;

  protected add(): void {
    const code = this.code();
    if (!code || this.busy()) {
      return;
    }
    if (this.newForm.invalid) {
      this.newForm.markAllAsTouched();
      document.getElementById('new-axis-label')?.focus();
      return;
    }
    const value = this.newForm.getRawValue();
    this.busy.set(true);
    this.api
      .createAxis(code, { label: value.label.trim(), description: value.description.trim() })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (axis) => {
          this.newForm.reset();
          this.axes.update((axes) => [...(axes ?? []), axis]);
          this.announce(`Axe « ${axis.label} » ajouté.`);
        },
        error: (error: unknown) => this.fail(this.newForm, error),
      });
  }

  protected startEdit(axis: ProgrammeAxisDto): void {
    this.editForm.reset({ label: axis.label, description: axis.description });
    this.editingId.set(axis.id);
    setTimeout(() => document.getElementById(`edit-label-${axis.id}`)?.focus());
  }

  protected cancelEdit(axis: ProgrammeAxisDto): void {
    this.editingId.set(null);
    setTimeout(() => document.getElementById(`axe-${axis.id}`)?.focus());
  }

  protected saveEdit(axis: ProgrammeAxisDto): void {
    if (this.editForm.invalid || this.busy()) {
      this.editForm.markAllAsTouched();
      return;
    }
    const value = this.editForm.getRawValue();
    this.busy.set(true);
    this.api
      .updateAxis(axis.id, { label: value.label.trim(), description: value.description.trim() })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (updated) => {
          this.axes.update((axes) => (axes ?? []).map((a) => (a.id === updated.id ? updated : a)));
          this.editingId.set(null);
          this.announce(`Axe « ${updated.label} » enregistré.`);
          setTimeout(() => document.getElementById(`axe-${updated.id}`)?.focus());
        },
        error: (error: unknown) => this.fail(this.editForm, error),
      });
  }

  /** Swaps the axis with its neighbour: the API renumbers the others. */
  protected move(axis: ProgrammeAxisDto, step: -1 | 1): void {
    const list = this.axes.value() ?? [];
    const index = list.findIndex((a) => a.id === axis.id);
    const neighbour = list[index + step];
    if (!neighbour || this.busy()) {
      return;
    }
    this.busy.set(true);
    this.api
      .updateAxis(axis.id, { position: neighbour.position })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.axes.reload();
          this.announce(`Axe « ${axis.label} » ${step < 0 ? 'monté' : 'descendu'} d’un rang.`);
        },
        error: (error: unknown) => this.failure.set(apiErrorMessage(error)),
      });
  }

  protected remove(axis: ProgrammeAxisDto): void {
    confirmAction(this.dialog, {
      title: 'Supprimer cet axe\u00a0?',
      message:
        axis.projectCount > 0
          ? `« ${axis.label} » sera supprimé\u00a0; ses ${axis.projectCount} projet(s) resteront, sans axe.`
          : `« ${axis.label} » sera supprimé.`,
      confirmLabel: 'Supprimer l’axe',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.deleteAxis(axis.id)),
      )
      .subscribe({
        next: () => {
          this.axes.update((axes) => (axes ?? []).filter((a) => a.id !== axis.id));
          this.announce(`Axe « ${axis.label} » supprimé.`);
          setTimeout(() => document.getElementById('new-axis-label')?.focus());
        },
        error: (error: unknown) => this.failure.set(apiErrorMessage(error)),
      });
  }

  private announce(message: string): void {
    this.failure.set('');
    this.status.set(message);
  }

  private fail(form: FormGroup, error: unknown): void {
    if (!showServerErrors(form, error)) {
      this.failure.set(apiErrorMessage(error, 'L’enregistrement a échoué. Réessayez.'));
    }
  }
}
