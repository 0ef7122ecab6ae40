import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { LegalReferenceDto } from '@passerelle/shared/dto';

/**
 * The articles and texts an answer cites, each a link to Légifrance when its address is known (in a new window, said
 * to screen readers). Staff may report that one has changed.
 */
@Component({
  selector: 'pas-faq-legal-references',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <ul class="references">
      @for (reference of references(); track $index) {
        <li>
          @if (reference.url) {
            <a [href]="reference.url" target="_blank" rel="noopener noreferrer"
              >{{ reference.label }}<span class="visually-hidden"> (nouvelle fenêtre)</span
              ><span class="external" aria-hidden="true"> ↗</span></a
            >
          } @else {
            <span>{{ reference.label }}</span>
          }
          @if (canReport()) {
            <button
              mat-button
              type="button"
              class="report"
              [attr.aria-label]="'Signaler un changement de la référence ' + reference.label"
              (click)="report.emit(reference.label)"
            >
              Signaler un changement de référence
            </button>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .references {
      margin: 0;
      padding-inline-start: 20px;
    }
    li {
      margin: 4px 0;
      overflow-wrap: anywhere;
    }
    a {
      display: inline-block;
      min-height: 24px;
      padding: 10px 0;
    }
    .report {
      min-height: 44px;
      margin-inline-start: 4px;
    }
  `,
})
export class FaqLegalReferences {
  readonly references = input.required<readonly LegalReferenceDto[]>();
  /** The département's staff may report a changed reference (its entries citing it go back to review). */
  readonly canReport = input(false);
  /** The label of the reference reported as changed. */
  readonly report = output<string>();
}
