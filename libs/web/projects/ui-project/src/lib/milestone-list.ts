import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { MilestoneDto } from '@passerelle/shared/dto';
import { formatCalendarDay } from '@passerelle/web/shared/util-format';

/** The milestones by date, done ones ticked. */
@Component({
  selector: 'pas-milestone-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (sorted().length === 0) {
      <p class="empty">Aucune étape renseignée.</p>
    } @else {
      <ol class="milestones">
        @for (milestone of sorted(); track $index) {
          <li [class.done]="milestone.done">
            <span class="mark" aria-hidden="true">{{ milestone.done ? '✓' : '' }}</span>
            <span class="text">
              <time [attr.datetime]="milestone.date">{{ day(milestone.date) }}</time>
              <span class="title">{{ milestone.title }}</span>
              <span class="state">{{ milestone.done ? 'Fait' : 'À faire' }}</span>
            </span>
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .milestones {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    li {
      display: flex;
      gap: 12px;
      align-items: flex-start;
    }
    .mark {
      flex: none;
      width: 22px;
      height: 22px;
      border-radius: 50%;
      border: 2px solid var(--mat-sys-outline);
      display: grid;
      place-items: center;
      font-size: 14px;
    }
    .done .mark {
      background: var(--mat-sys-primary);
      border-color: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .text {
      flex: 1;
      min-width: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    time {
      font: var(--mat-sys-label-large);
      min-width: 9rem;
    }
    /* Beside the date when there is room, else on a line of its own: date, title and state never mix on a phone. */
    .title {
      flex: 1 1 14rem;
    }
    .state {
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MilestoneList {
  readonly milestones = input.required<readonly MilestoneDto[]>();

  protected readonly sorted = computed(() => [...this.milestones()].sort((a, b) => a.date.localeCompare(b.date)));
  protected readonly day = formatCalendarDay;
}
