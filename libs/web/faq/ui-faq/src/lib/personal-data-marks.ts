import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { PERSONAL_DATA_LABELS, type PersonalDataMarkDto } from '@passerelle/shared/dto';

/**
 * Where a mark's passage is in the field's text now: at its offsets if the text there is still the same, else at the
 * passage's first occurrence (text typed before it moved it); `null` once it has been reworded.
 */
export function markRange(mark: PersonalDataMarkDto, value: string): { start: number; end: number } | null {
  if (value.slice(mark.start, mark.end) === mark.text) {
    return { start: mark.start, end: mark.end };
  }
  const start = mark.text ? value.indexOf(mark.text) : -1;
  return start < 0 ? null : { start, end: start + mark.text.length };
}

/** The marks of one field whose passage is still in its text: those the agent has not reworded yet. */
export function remainingMarks(
  marks: readonly PersonalDataMarkDto[],
  field: PersonalDataMarkDto['field'],
  value: string,
): PersonalDataMarkDto[] {
  return marks.filter((mark) => mark.field === field && markRange(mark, value) !== null);
}

/**
 * Under an editor's field, the passages the API found to reword before the entry may be submitted (an e-mail
 * address, a phone number, a person's or the asking commune's name), each with a button that selects it in the field.
 */
@Component({
  selector: 'pas-personal-data-marks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    @if (marks().length > 0) {
      <div class="marks">
        <p class="title" [id]="titleId">
          {{ marks().length === 1 ? '1 passage à reformuler' : marks().length + ' passages à reformuler' }}
          ({{ fieldLabel() }})&nbsp;: données personnelles
        </p>
        <ul [attr.aria-labelledby]="titleId">
          @for (mark of marks(); track mark.start + ':' + mark.kind) {
            <li>
              <span class="kind">{{ labels[mark.kind] }}</span>&nbsp;: «&nbsp;<mark>{{ mark.text }}</mark>&nbsp;»
              <button
                mat-stroked-button
                type="button"
                [attr.aria-label]="'Sélectionner «\u00a0' + mark.text + '\u00a0» dans le champ ' + fieldLabel()"
                (click)="select(mark)"
              >
                Sélectionner
              </button>
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
    .marks {
      margin: 4px 0 12px;
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-error);
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      padding: 4px 0;
      overflow-wrap: anywhere;
    }
    .kind {
      font-weight: 500;
    }
    mark {
      background: #ffe08a;
      color: #1f1b00;
      padding: 0 2px;
    }
    button {
      min-height: 44px;
    }
  `,
})
export class PersonalDataMarks {
  /** The marks of this field still to reword. */
  readonly marks = input.required<readonly PersonalDataMarkDto[]>();
  /** The field's label, as on the page (« Question », « Réponse »). */
  readonly fieldLabel = input.required<string>();
  /** The field itself: its passage is selected there. */
  readonly target = input.required<HTMLInputElement | HTMLTextAreaElement | null>();

  private static nextId = 0;
  protected readonly titleId = `personal-data-marks-${PersonalDataMarks.nextId++}`;
  protected readonly labels = PERSONAL_DATA_LABELS;

  protected select(mark: PersonalDataMarkDto): void {
    const field = this.target();
    const range = field ? markRange(mark, field.value) : null;
    if (!field || !range) {
      return;
    }
    field.focus();
    field.setSelectionRange(range.start, range.end);
  }
}
