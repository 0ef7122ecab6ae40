import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  viewChild,
} from '@angular/core';
import { type AbstractControl, FormArray, FormGroup } from '@angular/forms';
import { fieldErrorMessage } from './form-errors';

/** One line of the summary: the field's label and message, and the id of the element that takes focus. */
export interface ErrorSummaryItem {
  label: string;
  message: string;
  /** `null` for an error that belongs to no visible field (shown without a link). */
  fieldId: string | null;
}

/**
 * The id a form's field carries so that the summary can reach it: `fundingLines.0.funder` →
 * `field-fundingLines-0-funder`. A page with several forms gives each its own prefix (`invite` → `invite-email`).
 */
export function fieldId(path: string, prefix = 'field'): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}

export interface FormErrorOptions {
  /** Names a field from its path (the API's field names); without it, the text of the field's `<label>`. */
  label?: (path: string) => string | undefined;
  /** The message of an invalid control; `fieldErrorMessage` by default. */
  message?: (control: AbstractControl) => string;
  /** The prefix of the fields' ids (see `fieldId`). */
  prefix?: string;
}

/**
 * The invalid leaf controls of a form, in their order, as summary lines. When no label is given for a field, the
 * summary reads the text of the field's `<label>` on the page.
 */
export function formErrorItems(form: AbstractControl, options: FormErrorOptions = {}): ErrorSummaryItem[] {
  const { label = () => undefined, message = fieldErrorMessage, prefix } = options;
  const items: ErrorSummaryItem[] = [];
  const visit = (control: AbstractControl, path: string[]) => {
    if (control.disabled) {
      return;
    }
    if (control instanceof FormGroup || control instanceof FormArray) {
      for (const [key, child] of Object.entries(control.controls as Record<string, AbstractControl>)) {
        visit(child, [...path, key]);
      }
      return;
    }
    if (control.invalid) {
      const name = path.join('.');
      items.push({ label: label(name) ?? '', message: message(control), fieldId: fieldId(name, prefix) });
    }
  };
  visit(form, []);
  return items;
}

let nextId = 0;

/**
 * The DSFR / GOV.UK error summary: at the top of a form after a failed submit, "Le formulaire contient N erreurs",
 * one link per field that moves focus to it. It takes focus itself each time it receives a new list, so that a
 * keyboard or screen-reader user lands on it instead of staying on the submit button far below.
 */
@Component({
  selector: 'pas-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length > 0) {
      <div #box class="error-summary" tabindex="-1" [attr.aria-labelledby]="titleId">
        <h2 [id]="titleId" class="error-summary__title">
          Le formulaire contient {{ items().length }} {{ items().length > 1 ? 'erreurs' : 'erreur' }}
        </h2>
        <ul class="error-summary__list">
          @for (item of items(); track $index) {
            <li>
              @if (item.fieldId) {
                <a [href]="'#' + item.fieldId" (click)="goTo($event, item.fieldId)">
                  {{ labelOf(item) }}&nbsp;: {{ item.message }}
                </a>
              } @else {
                {{ item.label ? item.label + '\u00a0: ' : '' }}{{ item.message }}
              }
            </li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .error-summary {
      margin: 0 0 24px;
      padding: 16px 20px;
      border: 2px solid var(--mat-sys-error);
      border-left-width: 8px;
      border-radius: 4px;
      // Scrolled to with its focus ring and a little air above it.
      scroll-margin-top: 16px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font-size: 1rem;
      line-height: 1.5;
    }
    .error-summary:focus {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 3px;
    }
    .error-summary__title {
      margin: 0 0 8px;
      font-size: 1.25rem;
      line-height: 1.4;
      color: var(--mat-sys-error);
    }
    .error-summary__list {
      margin: 0;
      padding-left: 20px;
    }
    .error-summary__list li + li {
      margin-top: 4px;
    }
    a {
      color: var(--mat-sys-error);
      font-weight: 500;
      text-decoration: underline;
    }
  `,
})
export class ErrorSummary {
  /** A new array each failed submit; an empty one hides the summary. */
  readonly items = input.required<ErrorSummaryItem[]>();

  protected readonly titleId = `error-summary-title-${nextId++}`;

  private readonly box = viewChild<ElementRef<HTMLElement>>('box');
  private readonly injector = inject(Injector);

  constructor() {
    effect(() => {
      if (this.items().length > 0) {
        afterNextRender(() => this.focus(), { injector: this.injector });
      }
    });
  }

  /** Moves focus to the summary (and scrolls it into view). */
  focus(): void {
    const box = this.box()?.nativeElement;
    if (box) {
      box.scrollIntoView?.({ block: 'start' });
      box.focus();
    }
  }

  /** The label given, or the text of the field's `<label>` on the page without its required asterisk. */
  protected labelOf(item: ErrorSummaryItem): string {
    if (item.label || !item.fieldId) {
      return item.label;
    }
    // Field ids are made by `fieldId` (letters, digits, dashes): safe in a selector.
    const field = document.getElementById(item.fieldId);
    const labelledBy = field?.getAttribute('aria-labelledby')?.split(' ')[0];
    const label =
      document.querySelector(`label[for="${item.fieldId}"]`) ??
      (labelledBy ? document.getElementById(labelledBy) : null);
    const text = label?.textContent ?? field?.getAttribute('aria-label') ?? '';
    return text.replace(/\*/g, '').replace(/\s+/g, ' ').trim() || 'Champ';
  }

  protected goTo(event: Event, id: string): void {
    const field = document.getElementById(id);
    if (!field) {
      return;
    }
    event.preventDefault();
    field.scrollIntoView?.({ block: 'center' });
    field.focus();
  }
}
