import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ProjectHistoryAction, ProjectHistoryEntryDto } from '@passerelle/shared/dto';
import { formatDateTime } from '@passerelle/web/shared/util-format';
import { formatChangeValue } from './change-value';

const ACTION_LABELS: Record<ProjectHistoryAction, string> = {
  CREATED: 'a créé la fiche',
  UPDATED: 'a modifié la fiche',
  DELETED: 'a supprimé la fiche',
  DOCUMENT_ADDED: 'a ajouté un document',
  DOCUMENT_REMOVED: 'a retiré un document',
};

/** Who changed what and when (Paris time), newest first, each field as "before → after". */
@Component({
  selector: 'pas-history-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length === 0) {
      <p class="empty">Aucune modification enregistrée.</p>
    } @else {
      <ol class="timeline">
        @for (entry of entries(); track entry.id) {
          <li class="entry">
            <p class="head">
              <strong>{{ entry.actor ?? 'Un utilisateur' }}</strong> {{ actionLabel(entry.action) }}
              <time [attr.datetime]="entry.at">le {{ when(entry.at) }}</time>
            </p>
            @if (entry.changes.length > 0) {
              <ul class="changes">
                @for (change of entry.changes; track $index) {
                  <li>
                    <span class="label">{{ change.label }}&nbsp;: </span>
                    <span class="before">{{ value(change.field, change.before) }}</span>
                    <span aria-hidden="true"> → </span>
                    <span class="visually-hidden"> devient </span>
                    <span class="after">{{ value(change.field, change.after) }}</span>
                  </li>
                }
              </ul>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0 0 0 16px;
      border-inline-start: 2px solid var(--mat-sys-outline-variant);
    }
    .entry {
      position: relative;
      padding: 0 0 16px 12px;
      &::before {
        content: '';
        position: absolute;
        inset-inline-start: -23px;
        top: 6px;
        width: 12px;
        height: 12px;
        border-radius: 50%;
        background: var(--mat-sys-primary);
      }
    }
    .head {
      margin: 0 0 4px;
    }
    time {
      color: var(--mat-sys-on-surface-variant);
    }
    .changes {
      margin: 0;
      padding-inline-start: 18px;
      font: var(--mat-sys-body-medium);
    }
    .label {
      font-weight: 500;
      margin-inline-end: 4px;
    }
    .before {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class HistoryTimeline {
  readonly entries = input.required<readonly ProjectHistoryEntryDto[]>();

  protected readonly when = formatDateTime;
  protected readonly value = formatChangeValue;

  protected actionLabel(action: ProjectHistoryAction): string {
    return ACTION_LABELS[action];
  }
}
