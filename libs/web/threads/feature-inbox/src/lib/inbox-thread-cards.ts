import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import { ofPlace } from '@passerelle/shared/util-french';
import { LabelChip, ThreadStateChip } from '@passerelle/web/threads/ui-thread';
import { InboxDue } from './inbox-due';
import type { InboxRow } from './inbox-row';

/** The inbox on a phone: one card per thread, the same facts as the table's columns. */
@Component({
  selector: 'pas-inbox-thread-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatCheckboxModule, LabelChip, ThreadStateChip, InboxDue],
  template: `
    <mat-checkbox class="all" [checked]="allSelected()" [indeterminate]="someSelected()" (change)="toggleAll.emit()">
      Sélectionner toute la page
    </mat-checkbox>
    <ul class="cards" [attr.aria-label]="caption()">
      @for (row of rows(); track row.id) {
        <li class="card" [class.selected]="selected().has(row.id)" [class.unread]="row.unread">
          <div class="top">
            <mat-checkbox
              [checked]="selected().has(row.id)"
              (change)="toggleRow.emit(row.id)"
              [aria-label]="'Sélectionner la question « ' + row.subject + ' »'"
            />
            <span class="subject">
              @if (row.unread) {
                <span class="dot" aria-hidden="true"></span>
              }
              <a [routerLink]="row.link"
                >@if (row.unread) {<span class="visually-hidden">Non lue&nbsp;: </span>}{{ row.subject }}</a
              >
            </span>
          </div>
          <p class="line">
            <a [routerLink]="row.communeLink" [attr.aria-label]="'Dossier de la commune ' + ofPlace(row.communeName)">{{
              row.communeName
            }}</a>
            <span class="hint"> — {{ row.cantonName }}</span>
          </p>
          <p class="line meta">
            <pas-thread-state-chip [state]="row.state" audience="staff" />
            <span class="hint">{{ row.category }}</span>
          </p>
          @if (row.labels.length > 0) {
            <p class="line meta">
              @for (label of row.labels; track label.id) {
                <pas-label-chip [label]="label" />
              }
            </p>
          }
          <dl class="facts">
            <div>
              <dt>Échéance</dt>
              <dd><pas-inbox-due [row]="row" /></dd>
            </div>
            <div>
              <dt>Attribuée à</dt>
              <dd>{{ row.assignee }}</dd>
            </div>
            <div>
              <dt>Activité</dt>
              <dd>
                <time [attr.datetime]="row.lastActivityAt">{{ row.lastActivity }}</time>
              </dd>
            </div>
          </dl>
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .all {
      margin: 0 0 8px -8px;
    }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .card {
      padding: 8px 12px 12px 4px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      &.selected {
        background: var(--mat-sys-secondary-container);
      }
    }
    .top {
      display: flex;
      align-items: flex-start;
      gap: 0;
    }
    .subject {
      padding-top: 10px;
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .unread .subject {
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
    .line,
    .facts {
      margin: 6px 0 0 44px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .facts {
      display: grid;
      gap: 4px;
      div {
        display: grid;
        grid-template-columns: 6.5rem minmax(0, 1fr);
        gap: 8px;
      }
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
      }
    }
  `,
})
export class InboxThreadCards {
  protected readonly ofPlace = ofPlace;
  readonly rows = input.required<readonly InboxRow[]>();
  readonly selected = input.required<ReadonlySet<string>>();
  readonly allSelected = input(false);
  readonly someSelected = input(false);
  readonly caption = input.required<string>();
  readonly toggleRow = output<string>();
  readonly toggleAll = output();
}
