import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ofPlace } from '@passerelle/shared/util-french';
import { LabelChip, ThreadStateChip } from '@passerelle/web/threads/ui-thread';
import { InboxDue } from './inbox-due';
import type { InboxRow } from './inbox-row';

/** The inbox on a tablet or a desktop: one row per thread, a box to tick each one and the whole page. */
@Component({
  selector: 'pas-inbox-thread-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatCheckboxModule, MatTableModule, LabelChip, ThreadStateChip, InboxDue],
  template: `
    <div class="scroller">
      <table mat-table [dataSource]="rows()" [trackBy]="trackRow">
        <caption class="visually-hidden">{{ caption() }}</caption>

        <ng-container matColumnDef="select">
          <th mat-header-cell *matHeaderCellDef class="select">
            <mat-checkbox
              [checked]="allSelected()"
              [indeterminate]="someSelected()"
              (change)="toggleAll.emit()"
              aria-label="Sélectionner toutes les questions de la page"
            />
          </th>
          <td mat-cell *matCellDef="let row" class="select">
            <mat-checkbox
              [checked]="selected().has(row.id)"
              (change)="toggleRow.emit(row.id)"
              [aria-label]="'Sélectionner la question « ' + row.subject + ' »'"
            />
          </td>
        </ng-container>

        <ng-container matColumnDef="subject">
          <th mat-header-cell *matHeaderCellDef scope="col">Question</th>
          <td mat-cell *matCellDef="let row" class="subject" [class.unread]="row.unread">
            <span class="title">
              @if (row.unread) {
                <span class="dot" aria-hidden="true"></span>
              }
              <a [routerLink]="row.link"
                >@if (row.unread) {<span class="visually-hidden">Non lue&nbsp;: </span>}{{ row.subject }}</a
              >
            </span>
            <span class="hint">
              {{ row.category }}
              @if (row.projectTitle) {
                — {{ row.projectTitle }}
              }
            </span>
            @if (row.labels.length > 0) {
              <span class="labels">
                @for (label of row.labels; track label.id) {
                  <pas-label-chip [label]="label" />
                }
              </span>
            }
          </td>
        </ng-container>

        <ng-container matColumnDef="commune">
          <th mat-header-cell *matHeaderCellDef scope="col">Commune</th>
          <td mat-cell *matCellDef="let row">
            <a [routerLink]="row.communeLink" [attr.aria-label]="'Dossier de la commune ' + ofPlace(row.communeName)">{{
              row.communeName
            }}</a>
            <span class="hint">{{ row.cantonName }}</span>
          </td>
        </ng-container>

        <ng-container matColumnDef="state">
          <th mat-header-cell *matHeaderCellDef scope="col">État</th>
          <td mat-cell *matCellDef="let row"><pas-thread-state-chip [state]="row.state" audience="staff" /></td>
        </ng-container>

        <ng-container matColumnDef="assignee">
          <th mat-header-cell *matHeaderCellDef scope="col">Attribuée à</th>
          <td mat-cell *matCellDef="let row" [class.hint]="row.assignee === 'Non attribuée'">{{ row.assignee }}</td>
        </ng-container>

        <ng-container matColumnDef="due">
          <th mat-header-cell *matHeaderCellDef scope="col">Échéance</th>
          <td mat-cell *matCellDef="let row"><pas-inbox-due [row]="row" /></td>
        </ng-container>

        <ng-container matColumnDef="activity">
          <th mat-header-cell *matHeaderCellDef scope="col">Dernière activité</th>
          <td mat-cell *matCellDef="let row">
            <time [attr.datetime]="row.lastActivityAt">{{ row.lastActivity }}</time>
            <span class="hint">{{ row.messages }}</span>
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns" [class.selected]="selected().has(row.id)"></tr>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .scroller {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    table {
      width: 100%;
      min-width: 900px;
    }
    th,
    time {
      white-space: nowrap;
    }
    td {
      vertical-align: top;
      padding-top: 10px;
      padding-bottom: 10px;
    }
    td > .title,
    td > .hint {
      display: block;
    }
    td > .hint,
    td > .labels {
      margin-top: 2px;
    }
    .select {
      width: 48px;
      padding-inline: 4px 0;
      vertical-align: middle;
    }
    td.select {
      vertical-align: top;
      padding-top: 2px;
    }
    .subject {
      min-width: 16rem;
      a {
        font: var(--mat-sys-body-large);
      }
    }
    .unread a {
      font-weight: 700;
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      margin-inline-end: 6px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
      vertical-align: middle;
    }
    td > .labels {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    tr.selected {
      background: var(--mat-sys-secondary-container);
    }
  `,
})
export class InboxThreadTable {
  protected readonly ofPlace = ofPlace;
  readonly rows = input.required<readonly InboxRow[]>();
  readonly selected = input.required<ReadonlySet<string>>();
  readonly allSelected = input(false);
  /** Some rows of the page are ticked, not all: the header box shows a dash. */
  readonly someSelected = input(false);
  /** Read by screen readers before the table: what it lists, and how many. */
  readonly caption = input.required<string>();
  readonly toggleRow = output<string>();
  readonly toggleAll = output();

  protected readonly columns = ['select', 'subject', 'commune', 'state', 'assignee', 'due', 'activity'];

  protected trackRow(_index: number, row: InboxRow): string {
    return row.id;
  }
}
