import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { AgentsPanel } from './agents-panel';
import { FailedMailsPanel } from './failed-mails-panel';
import { LabelsPanel } from './labels-panel';
import { ResponseTargetPanel } from './response-target-panel';
import { RoutingRulesPanel } from './routing-rules-panel';
import { WorkspacesPanel } from './workspaces-panel';

/**
 * `/departement/administration` (admins): the communes' workspaces, the département's agents, how the inbox works
 * (first-response target, labels, automatic assignment), and the mails that could not be delivered.
 */
@Component({
  selector: 'lib-administration-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTabsModule, AgentsPanel, FailedMailsPanel, LabelsPanel, ResponseTargetPanel, RoutingRulesPanel, WorkspacesPanel],
  template: `
    <h1>Administration</h1>
    @if (departement(); as current) {
      <p class="subtitle">Département {{ current.name }}</p>
      <mat-tab-group mat-stretch-tabs="false" animationDuration="0ms">
        <mat-tab label="Espaces des communes">
          <ng-template matTabContent>
            <lib-workspaces-panel [departementCode]="current.code" />
          </ng-template>
        </mat-tab>
        <mat-tab label="Agents">
          <ng-template matTabContent>
            <lib-agents-panel [departementCode]="current.code" [currentUserId]="userId()" />
          </ng-template>
        </mat-tab>
        <mat-tab label="Questions des communes">
          <ng-template matTabContent>
            <lib-response-target-panel [departementCode]="current.code" />
            <lib-labels-panel [departementCode]="current.code" />
            <lib-routing-rules-panel [departementCode]="current.code" />
          </ng-template>
        </mat-tab>
        <mat-tab label="Courriels non distribués">
          <ng-template matTabContent>
            <lib-failed-mails-panel />
          </ng-template>
        </mat-tab>
      </mat-tab-group>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0;
    }
    .subtitle {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AdministrationPage {
  private readonly session = inject(AuthSession);

  protected readonly departement = computed(() => this.session.user()?.departement ?? null);
  protected readonly userId = computed(() => this.session.user()?.id ?? null);
}
