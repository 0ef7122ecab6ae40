import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type FaqEntrySummaryDto, PROJECT_THEME_LABELS, THREAD_CATEGORY_LABELS } from '@passerelle/shared/dto';
import { nationalAttribution, validUntilText } from './faq-labels';
import { FaqStatusChip } from './faq-status-chip';

/** One entry in a list of the FAQ: its question as a link, its labels, the start of its answer. */
@Component({
  selector: 'pas-faq-entry-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, FaqStatusChip],
  template: `
    @let e = entry();
    <h2 class="title"><a [routerLink]="link()">{{ e.title }}</a></h2>
    <p class="labels">
      @if (showStatus()) {
        <pas-faq-status-chip [status]="e.status" />
      }
      @if (attribution(); as national) {
        <span class="badge badge--national">{{ national }}</span>
      }
      <span class="badge">{{ theme() }}</span>
      <span class="badge">{{ category() }}</span>
    </p>
    <p class="excerpt">{{ e.excerpt }}</p>
    @if (validUntil() || note()) {
      <p class="meta">
        @if (validUntil()) {
          <span>{{ validUntil() }}</span>
        }
        @if (note()) {
          <span>{{ note() }}</span>
        }
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .title {
      font: var(--mat-sys-title-medium);
      margin: 0;
      overflow-wrap: anywhere;
    }
    .title a {
      display: inline-block;
      padding: 10px 0;
    }
    .labels,
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      margin: 0 0 8px;
    }
    .badge {
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .badge--national {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .excerpt {
      margin: 0 0 8px;
      overflow-wrap: anywhere;
    }
    .meta {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class FaqEntryCard {
  readonly entry = input.required<FaqEntrySummaryDto>();
  /** Where the question leads (`/espace/faq/<id>`, …). */
  readonly link = input.required<string>();
  /** The reader's département: a national rule of another one says whose answer it is. */
  readonly readerDepartementCode = input<string | null>(null);
  /** The département's staff see the entry's state. */
  readonly showStatus = input(false);
  /** A line of the page's own, after the date (« Rédigée par … »). */
  readonly note = input('');

  protected readonly theme = computed(() => PROJECT_THEME_LABELS[this.entry().theme]);
  protected readonly category = computed(() => THREAD_CATEGORY_LABELS[this.entry().category]);
  protected readonly attribution = computed(() => nationalAttribution(this.entry(), this.readerDepartementCode()));
  protected readonly validUntil = computed(() => validUntilText(this.entry().validUntil));
}
