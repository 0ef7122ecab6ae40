import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { THREAD_CATEGORY_LABELS, type ThreadSummaryDto } from '@passerelle/shared/dto';
import { formatCount, formatDateTime } from '@passerelle/web/shared/util-format';
import { ThreadStateChip } from './thread-state-chip';

/**
 * Questions as a list: subject (the link), state, category, linked project, last activity. Unread ones are in bold
 * with a "Non lu" tag, in words for screen readers too.
 */
@Component({
  selector: 'pas-thread-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ThreadStateChip],
  template: `
    <ul class="threads" [attr.aria-label]="label()">
      @for (thread of threads(); track thread.id) {
        <li class="thread" [class.unread]="thread.unread">
          <div class="main">
            <a class="subject" [routerLink]="[linkBase(), thread.id]">
              @if (thread.unread) {
                <span class="tag">Non lu<span class="visually-hidden">&nbsp;: </span></span>
              }
              <span>{{ thread.subject }}</span>
            </a>
            <p class="meta">
              <span>{{ categories[thread.category] }}</span>
              @if (thread.project; as project) {
                <span>Projet&nbsp;: {{ project.title }}</span>
              }
              <span>{{ count(thread.messageCount, 'message') }}</span>
            </p>
          </div>
          <div class="side">
            <pas-thread-state-chip [state]="thread.state" />
            <span class="activity">
              <span class="visually-hidden">Dernière activité le </span>
              <time [attr.datetime]="thread.lastActivityAt">{{ when(thread.lastActivityAt) }}</time>
            </span>
          </div>
        </li>
      }
    </ul>
  `,
  styles: `
    .threads {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .thread {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px 16px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .main {
      flex: 1 1 20rem;
      min-width: 0;
    }
    .subject {
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .unread .subject {
      font-weight: 700;
    }
    .tag {
      display: inline-block;
      margin-inline-end: 6px;
      padding: 0 8px;
      border-radius: 8px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font: var(--mat-sys-label-medium);
      vertical-align: middle;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .side {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 4px;
      @media (max-width: 599.98px) {
        flex-direction: row;
        align-items: center;
        flex-wrap: wrap;
      }
    }
    .activity {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ThreadList {
  readonly threads = input.required<readonly ThreadSummaryDto[]>();
  /** Where a thread opens, its id appended: `/espace/questions`. */
  readonly linkBase = input.required<string>();
  readonly label = input('Questions');

  protected readonly categories = THREAD_CATEGORY_LABELS;
  protected readonly when = formatDateTime;
  protected readonly count = formatCount;
}
