import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatMenuModule } from '@angular/material/menu';
import type { LabelDto } from '@passerelle/shared/dto';
import { formatCount } from '@passerelle/web/shared/util-format';
import { LabelChip } from '@passerelle/web/threads/ui-thread';
import type { AssigneeChoice, BulkChange } from './bulk-actions';

/** What can be done to the ticked threads at once: assign, unassign, add or remove a label. */
@Component({
  selector: 'pas-inbox-bulk-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDividerModule, MatMenuModule, LabelChip],
  template: `
    <p class="count">{{ countText() }}</p>
    <div class="actions">
      <button mat-flat-button type="button" [matMenuTriggerFor]="assignMenu" [disabled]="busy()">Attribuer…</button>
      <mat-menu #assignMenu="matMenu">
        @for (choice of assignees(); track choice.id) {
          <button mat-menu-item type="button" (click)="apply.emit({ kind: 'assign', assignee: choice })">
            {{ choice.isMe ? 'Moi-même (' + choice.displayName + ')' : choice.displayName }}
          </button>
        }
        <mat-divider />
        <button mat-menu-item type="button" (click)="apply.emit({ kind: 'unassign' })">Retirer l’attribution</button>
      </mat-menu>

      <button
        mat-stroked-button
        type="button"
        [matMenuTriggerFor]="labelMenu"
        [disabled]="busy() || labels().length === 0"
      >
        Étiquettes…
      </button>
      <mat-menu #labelMenu="matMenu">
        <button mat-menu-item type="button" [matMenuTriggerFor]="addMenu">Ajouter une étiquette</button>
        <button mat-menu-item type="button" [matMenuTriggerFor]="removeMenu">Retirer une étiquette</button>
      </mat-menu>
      <mat-menu #addMenu="matMenu">
        @for (label of labels(); track label.id) {
          <button
            mat-menu-item
            type="button"
            [attr.aria-label]="'Ajouter l’étiquette « ' + label.name + ' »'"
            (click)="apply.emit({ kind: 'addLabel', label })"
          >
            <pas-label-chip [label]="label" />
          </button>
        }
      </mat-menu>
      <mat-menu #removeMenu="matMenu">
        @for (label of labels(); track label.id) {
          <button
            mat-menu-item
            type="button"
            [attr.aria-label]="'Retirer l’étiquette « ' + label.name + ' »'"
            (click)="apply.emit({ kind: 'removeLabel', label })"
          >
            <pas-label-chip [label]="label" />
          </button>
        }
      </mat-menu>

      <button mat-button type="button" (click)="clear.emit()">Désélectionner</button>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .count {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class InboxBulkBar {
  readonly count = input.required<number>();
  readonly assignees = input.required<readonly AssigneeChoice[]>();
  readonly labels = input.required<readonly LabelDto[]>();
  readonly busy = input(false);
  readonly apply = output<BulkChange>();
  readonly clear = output();

  protected readonly countText = computed(() =>
    formatCount(this.count(), 'question sélectionnée', 'questions sélectionnées'),
  );
}
