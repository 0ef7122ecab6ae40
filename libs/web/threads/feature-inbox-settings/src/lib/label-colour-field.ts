import { ChangeDetectionStrategy, Component, computed, forwardRef, input, signal } from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { LabelChip } from '@passerelle/web/threads/ui-thread';

/** Colours offered at once, each with its French name for screen readers; any other stays possible. */
export const LABEL_PALETTE: readonly { colour: string; name: string }[] = [
  { colour: '#c62828', name: 'Rouge' },
  { colour: '#ef6c00', name: 'Orange' },
  { colour: '#f9a825', name: 'Jaune' },
  { colour: '#2e7d32', name: 'Vert' },
  { colour: '#9ccc65', name: 'Vert clair' },
  { colour: '#00838f', name: 'Bleu canard' },
  { colour: '#1565c0', name: 'Bleu' },
  { colour: '#81d4fa', name: 'Bleu clair' },
  { colour: '#6a1b9a', name: 'Violet' },
  { colour: '#f48fb1', name: 'Rose' },
  { colour: '#757575', name: 'Gris' },
];

let nextFieldId = 0;

/**
 * A label's colour: a row of swatches, the browser's colour picker for any other, and the label as it will look.
 * A form control (`formControlName="colour"`), valued `#rrggbb`.
 */
@Component({
  selector: 'pas-label-colour-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LabelChip],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => LabelColourField), multi: true }],
  template: `
    <fieldset [disabled]="disabled()">
      <legend>Couleur</legend>
      <div class="swatches">
        @for (swatch of palette; track swatch.colour) {
          <button
            type="button"
            class="swatch"
            [style.background-color]="swatch.colour"
            [attr.aria-label]="swatch.name"
            [attr.aria-pressed]="value() === swatch.colour"
            (click)="pick(swatch.colour)"
          ></button>
        }
        <label class="custom" [for]="id">
          Autre
          <input [id]="id" type="color" [value]="value()" (input)="pickFrom($event)" (blur)="touched()" />
        </label>
      </div>
      <p class="preview">
        <span class="hint">Aperçu&nbsp;:</span>
        <pas-label-chip [label]="{ name: previewName(), colour: value() }" />
      </p>
    </fieldset>
  `,
  styles: `
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 6px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .swatches {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
    }
    .swatch {
      width: 32px;
      height: 32px;
      border-radius: 50%;
      border: 1px solid rgb(0 0 0 / 0.2);
      cursor: pointer;
      padding: 0;
      &[aria-pressed='true'] {
        outline: 3px solid var(--mat-sys-on-surface);
        outline-offset: 2px;
      }
    }
    .custom {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      margin-inline-start: 6px;
      input {
        width: 40px;
        height: 32px;
        padding: 0;
        border: 1px solid var(--mat-sys-outline);
        border-radius: 6px;
        background: none;
        cursor: pointer;
      }
    }
    .preview {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 8px 0 0;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LabelColourField implements ControlValueAccessor {
  /** The label's name, for the preview. */
  readonly name = input('');

  protected readonly id = `label-colour-${nextFieldId++}`;
  protected readonly palette = LABEL_PALETTE;
  protected readonly value = signal(LABEL_PALETTE[0].colour);
  protected readonly disabled = signal(false);
  protected readonly previewName = computed(() => this.name().trim() || 'Nouvelle étiquette');

  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: string | null): void {
    this.value.set(value ?? LABEL_PALETTE[0].colour);
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected pick(colour: string): void {
    this.value.set(colour);
    this.onChange(colour);
    this.onTouched();
  }

  protected pickFrom(event: Event): void {
    this.pick((event.target as HTMLInputElement).value.toLowerCase());
  }

  protected touched(): void {
    this.onTouched();
  }
}
