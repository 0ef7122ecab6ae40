import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { PUBLICATION_EVENT_LABELS, type PublicationEventDto } from '@passerelle/shared/dto';
import { formatDateTime } from '@passerelle/web/shared/util-format';

/** Who did what to the publication, newest first. */
@Component({
  selector: 'pas-publication-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (events().length === 0) {
      <p class="hint">Aucun événement.</p>
    } @else {
      <ol>
        @for (e of events(); track $index) {
          <li>
            <time [attr.datetime]="e.at">{{ when(e.at) }}</time>
            <span class="action">{{ labels[e.action] }}</span>
            @if (e.actor) {
              <span class="hint">par {{ e.actor }}</span>
            }
            @if (e.reason) {
              <span class="reason">«&nbsp;{{ e.reason }}&nbsp;»</span>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 10px;
    }
    li {
      display: flex;
      flex-direction: column;
    }
    time,
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .action {
      font: var(--mat-sys-label-large);
    }
    .reason {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class PublicationLog {
  readonly events = input.required<readonly PublicationEventDto[]>();
  protected readonly labels = PUBLICATION_EVENT_LABELS;
  protected readonly when = formatDateTime;
}
