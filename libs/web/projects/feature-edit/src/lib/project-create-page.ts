import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  PROJECT_LIMITS,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { ProjectsApi } from '@passerelle/web/projects/data-access';
import {
  confirmAction,
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  showServerErrors,
} from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, apiFieldErrors } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { type Observable, of } from 'rxjs';
import { createNewProjectForm } from './project-form';

/** How the edit page knows the fiche was just created (history state of the navigation). */
export interface ProjectCreatedState {
  projectCreated?: boolean;
}

/**
 * `/espace/projets/nouveau`: one short screen with what the API needs (title and theme). The fiche is then filled in
 * on its edit page, section by section: a phone user no longer scrolls through the whole form to create a project.
 */
@Component({
  selector: 'pas-project-create-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ErrorSummary,
  ],
  templateUrl: './project-create-page.html',
  styleUrl: './project-create-page.scss',
})
export class ProjectCreatePage {
  private readonly api = inject(ProjectsApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);

  protected readonly form = createNewProjectForm();
  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly statuses = PROJECT_STATUSES;
  protected readonly statusLabels = PROJECT_STATUS_LABELS;
  protected readonly maxTitle = PROJECT_LIMITS.title;
  protected readonly insee = computed(() => this.session.user()?.commune?.insee);

  protected readonly saving = busyFlag();
  protected readonly saveError = signal('');
  /** The fields to correct, listed at the top of the form after a failed submit. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);
  private created = false;

  protected readonly errorOf = fieldErrorMessage;

  hasUnsavedChanges(): boolean {
    return !this.created && this.form.dirty;
  }

  /** For the route's guard: asks before leaving with a title or theme typed but not created. */
  confirmLeave(): Observable<boolean> {
    if (!this.hasUnsavedChanges()) {
      return of(true);
    }
    return confirmAction(this.dialog, {
      title: 'Quitter sans créer le projet\u00a0?',
      message: 'Le titre et le thème saisis seront perdus.',
      confirmLabel: 'Quitter sans créer',
      destructive: true,
    });
  }

  protected create(): void {
    const insee = this.insee();
    if (this.saving() || !insee) {
      return;
    }
    this.saveError.set('');
    this.errorSummary.set([]);
    const { title, theme, status } = this.form.getRawValue();
    if (title.trim() === '') {
      this.form.controls.title.setErrors({ required: true });
    }
    if (this.form.invalid || !theme) {
      this.form.markAllAsTouched();
      this.errorSummary.set(formErrorItems(this.form));
      return;
    }
    this.api
      // Only what the screen asks: the API gives every other field its default (empty texts, the status's progress).
      .createProject(insee, { title: title.trim(), theme, status })
      .pipe(this.saving.track)
      .subscribe({
        next: (project) => {
          this.created = true;
          const state: ProjectCreatedState = { projectCreated: true };
          void this.router.navigate(['/espace/projets', project.id, 'modifier'], { state });
        },
        error: (error: unknown) => {
          if (showServerErrors(this.form, error)) {
            this.errorSummary.set(formErrorItems(this.form));
            return;
          }
          const others = Object.values(apiFieldErrors(error));
          this.saveError.set(
            others[0] ?? apiErrorMessage(error, 'Le projet n’a pas pu être créé. Votre saisie est conservée\u00a0: réessayez.'),
          );
        },
      });
  }
}
