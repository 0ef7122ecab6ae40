import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { AgentsPanel, FailedMailsPanel, WorkspacesPanel } from '@passerelle/web/staff/feature-administration';
import { LabelsPanel, ResponseTargetPanel, RoutingRulesPanel } from '@passerelle/web/threads/feature-inbox-settings';

/**
 * `/departement/administration` (admins): the communes' workspaces, the département's agents, how the inbox works
 * (first-response target, labels, automatic assignment), and the mails that could not be delivered. The shell
 * composes the panels of two domains: staff (workspaces, agents, mails) and the threads' inbox settings.
 */
@Component({
  selector: 'app-administration-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatTabsModule,
    RouterLink,
    AgentsPanel,
    FailedMailsPanel,
    LabelsPanel,
    ResponseTargetPanel,
    RoutingRulesPanel,
    WorkspacesPanel,
  ],
  template: `
    <h1>Administration</h1>
    @if (departement(); as current) {
      <p class="subtitle">Département {{ current.name }}</p>
      <p class="shortcut">
        <a mat-stroked-button routerLink="/departement/dispositifs">Dispositifs d’aide du simulateur</a>
        <span>Règles des aides du département, cas de test et import des subventions DETR et DSIL.</span>
      </p>
      <p class="shortcut">
        <a mat-stroked-button routerLink="/departement/indicateurs">Indicateurs</a>
        <span>Délais de réponse aux communes, volumes, avis, répartition par canton et par agent, exports CSV.</span>
      </p>
      <p class="shortcut">
        <a mat-stroked-button routerLink="/departement/administration/axes">Axes du programme</a>
        <span>Les axes qui classent les projets du Département sur la carte publique et dans la lettre d’information.</span>
      </p>
      <p class="shortcut">
        <a mat-stroked-button routerLink="/departement/administration/donnees-personnelles">Données personnelles</a>
        <span>Durées de conservation, passages de la tâche qui les applique, simulation.</span>
      </p>
      <mat-tab-group mat-stretch-tabs="false" animationDuration="0ms">
        <mat-tab label="Espaces des communes">
          <ng-template matTabContent>
            <pas-workspaces-panel [departementCode]="current.code" />
          </ng-template>
        </mat-tab>
        <mat-tab label="Agents">
          <ng-template matTabContent>
            <pas-agents-panel [departementCode]="current.code" [currentUserId]="userId()" />
          </ng-template>
        </mat-tab>
        <mat-tab label="Questions des communes">
          <ng-template matTabContent>
            <pas-response-target-panel [departementCode]="current.code" />
            <pas-labels-panel [departementCode]="current.code" />
            <pas-routing-rules-panel [departementCode]="current.code" />
          </ng-template>
        </mat-tab>
        <mat-tab label="Courriels non distribués">
          <ng-template matTabContent>
            <pas-failed-mails-panel />
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
    .shortcut {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .shortcut a {
      min-height: 44px;
    }
  `,
})
export class AdministrationPage {
  private readonly session = inject(AuthSession);

  protected readonly departement = computed(() => this.session.user()?.departement ?? null);
  protected readonly userId = computed(() => this.session.user()?.id ?? null);
}
