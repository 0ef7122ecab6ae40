import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
} from '@angular/core';
import { type AbstractControl, type FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FUNDER_LABELS, FUNDERS, FUNDING_STATE_LABELS, FUNDING_STATES } from '@passerelle/shared/dto';
import { fieldErrorMessage, provideFrenchDates } from '@passerelle/web/shared/ui-material';
import { provideFrenchDatepickerIntl } from './french-datepicker-intl';
import { fundingLineGroup, type FundingLineGroup } from './funding-line-form';
import { MoneyInput } from './money-input';

/**
 * The funding lines of a fiche's form, each a fieldset « Financement N » with its funder, scheme, state, amounts HT
 * and dates, a button to remove it, and « Ajouter un financement » below. Edits the `FormArray` it is given (rows
 * made with `fundingLineGroup`) and marks it dirty. The fields' ids are `<idPrefix>-<i>-<field>`, what an error
 * summary links to (`field-fundingLines-0-scheme` for the path `fundingLines.0.scheme`). The focus goes to the new
 * line's first field after an addition, to « Ajouter un financement » after a removal (the removed button is gone).
 */
@Component({
  selector: 'pas-funding-lines-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MoneyInput,
  ],
  // Here rather than at the root: the datepicker stays out of the pages that show none.
  providers: [provideFrenchDates(), provideFrenchDatepickerIntl()],
  template: `
    @for (line of lines().controls; track line; let i = $index) {
      <fieldset class="item" [formGroup]="line">
        <legend>Financement {{ i + 1 }}</legend>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Financeur</mat-label>
            <mat-select [id]="fieldId(i, 'funder')" formControlName="funder">
              @for (funder of funders; track funder) {
                <mat-option [value]="funder">{{ funderLabels[funder] }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorOf(line.controls.funder) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Nom du financeur</mat-label>
            <input matInput [id]="fieldId(i, 'funderName')" formControlName="funderName" />
            <mat-error>{{ errorOf(line.controls.funderName) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Dispositif</mat-label>
            <input matInput [id]="fieldId(i, 'scheme')" formControlName="scheme" placeholder="DETR, DSIL, Fonds vert…" />
            <mat-error>{{ errorOf(line.controls.scheme) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>État</mat-label>
            <mat-select [id]="fieldId(i, 'state')" formControlName="state">
              @for (state of fundingStates; track state) {
                <mat-option [value]="state">{{ fundingStateLabels[state] }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorOf(line.controls.state) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Montant demandé HT</mat-label>
            <input matInput pasMoneyInput [id]="fieldId(i, 'amountRequestedCents')" formControlName="amountRequestedCents" />
            <span matTextSuffix>&nbsp;€</span>
            <mat-error>{{ errorOf(line.controls.amountRequestedCents) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Montant obtenu HT</mat-label>
            <input matInput pasMoneyInput [id]="fieldId(i, 'amountObtainedCents')" formControlName="amountObtainedCents" />
            <span matTextSuffix>&nbsp;€</span>
            <mat-error>{{ errorOf(line.controls.amountObtainedCents) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Demandé le</mat-label>
            <input
              matInput
              [matDatepicker]="requestedPicker"
              [id]="fieldId(i, 'requestedOn')"
              formControlName="requestedOn"
              autocomplete="off"
            />
            <mat-datepicker-toggle matIconSuffix [for]="requestedPicker" [aria-label]="'Ouvrir le calendrier (demande)'" />
            <mat-datepicker #requestedPicker />
            <mat-hint>Format&nbsp;: jj/mm/aaaa</mat-hint>
            <mat-error>{{ errorOf(line.controls.requestedOn) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Décision le</mat-label>
            <input
              matInput
              [matDatepicker]="decidedPicker"
              [id]="fieldId(i, 'decidedOn')"
              formControlName="decidedOn"
              autocomplete="off"
            />
            <mat-datepicker-toggle matIconSuffix [for]="decidedPicker" [aria-label]="'Ouvrir le calendrier (décision)'" />
            <mat-datepicker #decidedPicker />
            <mat-hint>Format&nbsp;: jj/mm/aaaa</mat-hint>
            <mat-error>{{ errorOf(line.controls.decidedOn) }}</mat-error>
          </mat-form-field>
        </div>
        <button mat-button type="button" class="remove" (click)="remove(i)">Retirer le financement {{ i + 1 }}</button>
      </fieldset>
    }
    <button mat-stroked-button type="button" class="add" (click)="add()">Ajouter un financement</button>
  `,
  styles: `
    :host {
      display: block;
    }

    .item {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      margin: 0 0 12px;

      legend {
        font: var(--mat-sys-title-small);
        padding: 0 4px;
      }
    }

    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      gap: 0 16px;
      align-items: start;
    }

    // Outlined fields float their label above the box: keep it clear of the hint of the field above.
    mat-form-field {
      margin-top: 12px;
    }

    .remove {
      --mat-button-text-label-text-color: var(--mat-sys-error);
    }
  `,
})
export class FundingLinesEditor {
  /** The lines to edit, each made with `fundingLineGroup`. */
  readonly lines = input.required<FormArray<FundingLineGroup>>();
  /** Start of the fields' ids: `<idPrefix>-<i>-<field>`. */
  readonly idPrefix = input('field-fundingLines');

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly funders = FUNDERS;
  protected readonly funderLabels = FUNDER_LABELS;
  protected readonly fundingStates = FUNDING_STATES;
  protected readonly fundingStateLabels = FUNDING_STATE_LABELS;

  protected fieldId(index: number, field: string): string {
    return `${this.idPrefix()}-${index}-${field}`;
  }

  protected add(): void {
    const lines = this.lines();
    lines.push(fundingLineGroup());
    lines.markAsDirty();
    const id = this.fieldId(lines.length - 1, 'funder');
    afterNextRender(() => this.focus(`[id="${id}"]`), { injector: this.injector });
  }

  protected remove(index: number): void {
    const lines = this.lines();
    lines.removeAt(index);
    lines.markAsDirty();
    afterNextRender(() => this.focus('button.add'), { injector: this.injector });
  }

  /** Message under a field: the money parser's, the API's, or the usual validators'. */
  protected errorOf(control: AbstractControl): string {
    const money = control.errors?.['money'];
    if (typeof money === 'string' && !control.errors?.['server']) {
      return money;
    }
    return fieldErrorMessage(control);
  }

  private focus(selector: string): void {
    this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus();
  }
}
