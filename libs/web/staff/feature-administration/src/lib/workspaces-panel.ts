import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  DEFAULT_PAGE_SIZE,
  DELETED_MEMBER_LABEL,
  type MemberDto,
  WORKSPACE_SEATS,
  type WorkspaceState,
  type WorkspaceSummaryDto,
} from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { WorkspacesAdminApi } from '@passerelle/web/workspace/data-access';
import { AccountDeletionApi } from '@passerelle/web/privacy/data-access';
import { provideFrenchPaginator, FocusOnText } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCount, formatDate, formatInhabitants } from '@passerelle/web/shared/util-format';
import { TeamApi } from '@passerelle/web/workspace/data-access';
import { seatsText, TeamMemberList } from '@passerelle/web/workspace/ui-team';
import { debounceTime, distinctUntilChanged, filter, map, type Observable } from 'rxjs';
import { type AccountDeletionHost, cancelAccountDeletion, requestAccountDeletion } from './account-deletion-dialog';
import { EmailDialog, type EmailDialogData } from './email-dialog';

export const SEARCH_DEBOUNCE_MS = 300;

type StateFilter = 'all' | WorkspaceState;

/**
 * The communes of the département and their workspace: open one by inviting its mayor, see its team, replace the
 * mayor, delete a member's account at their request.
 */
@Component({
  selector: 'pas-workspaces-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, 
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TeamMemberList,
  ],
  providers: [provideFrenchPaginator()],
  templateUrl: './workspaces-panel.html',
  styleUrl: './staff-panel.scss',
  styles: `
    .filters {
      display: grid;
      grid-template-columns: 2fr 1fr 1fr;
      gap: 0 16px;

      @media (max-width: 599.98px) {
        grid-template-columns: 1fr;
      }
    }
    .team {
      grid-column: 1 / -1;
    }
  `,
})
export class WorkspacesPanel {
  protected readonly ofPlace = ofPlace;
  readonly departementCode = input.required<string>();

  private readonly api = inject(WorkspacesAdminApi);
  private readonly teamApi = inject(TeamApi);
  private readonly deletions = inject(AccountDeletionApi);
  private readonly dialog = inject(MatDialog);

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly state = new FormControl<StateFilter>('all', { nonNullable: true });
  /** Only small communes can have a workspace: they are what the admin looks for, so they are the default. */
  protected readonly size = new FormControl<'eligible' | 'all'>('eligible', { nonNullable: true });
  private readonly query = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((value) => value.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  private readonly stateValue = toSignal(this.state.valueChanges, { initialValue: this.state.value });
  private readonly sizeValue = toSignal(this.size.valueChanges, { initialValue: this.size.value });
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly pageSizes = [20, 50, 100];

  protected readonly workspaces = rxResource({
    params: () => ({
      code: this.departementCode(),
      q: this.query() || undefined,
      state: this.stateValue() === 'all' ? undefined : (this.stateValue() as WorkspaceState),
      eligible: this.sizeValue() === 'eligible' ? true : undefined,
      limit: this.pageSize(),
      offset: this.pageIndex() * this.pageSize(),
    }),
    stream: ({ params: { code, ...query } }) => this.api.listWorkspaces(code, query),
  });
  protected readonly resultText = computed(() => {
    if (!this.workspaces.hasValue()) {
      return '';
    }
    const total = this.workspaces.value().total;
    return total === 0 ? 'Aucune commune ne correspond à ces critères.' : formatCount(total, 'commune trouvée', 'communes trouvées');
  });
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.workspaces.error(), 'Impossible de charger les communes.'),
  );

  /** The commune whose team is shown under its row. */
  protected readonly expandedInsee = signal<string | null>(null);
  protected readonly team = rxResource({
    params: () => this.expandedInsee() ?? undefined,
    stream: ({ params }) => this.teamApi.getTeam(params),
  });
  protected readonly notice = signal('');
  protected readonly error = signal('');
  /** The member whose deletion is being cancelled. */
  protected readonly busyId = signal<string | null>(null);
  private readonly deletionHost: AccountDeletionHost = {
    dialog: this.dialog,
    deletions: this.deletions,
    notice: this.notice,
    error: this.error,
    busyId: this.busyId,
    reload: () => this.team.reload(),
  };

  protected readonly formatDate = formatDate;
  protected readonly formatInhabitants = formatInhabitants;

  constructor() {
    // A new filter starts again from the first page.
    this.search.valueChanges.subscribe(() => this.pageIndex.set(0));
    this.state.valueChanges.subscribe(() => this.pageIndex.set(0));
    this.size.valueChanges.subscribe(() => this.pageIndex.set(0));
  }

  protected workspaceSeats(workspace: WorkspaceSummaryDto): string {
    return seatsText({
      used: workspace.seatsUsed,
      total: WORKSPACE_SEATS,
      free: WORKSPACE_SEATS - workspace.seatsUsed,
    });
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected toggleTeam(workspace: WorkspaceSummaryDto): void {
    this.expandedInsee.update((current) => (current === workspace.insee ? null : workspace.insee));
  }

  protected openWorkspace(workspace: WorkspaceSummaryDto): void {
    this.askEmail(
      {
        title: `Ouvrir l’espace ${ofPlace(workspace.name)}`,
        intro: `Le maire recevra une invitation par courriel pour créer son compte. Il pourra ensuite inviter jusqu’à trois collaborateurs.`,
        label: 'Adresse électronique du maire',
        confirmLabel: 'Ouvrir l’espace',
        field: 'mayorEmail',
        submit: (email) => this.api.openWorkspace(workspace.insee, email),
      },
      `L’espace ${ofPlace(workspace.name)} est ouvert : le maire a reçu son invitation.`,
    );
  }

  protected replaceMayor(workspace: WorkspaceSummaryDto): void {
    this.askEmail(
      {
        title: `Remplacer le maire ${ofPlace(workspace.name)}`,
        intro: 'Après une élection, invitez le nouveau maire.',
        warning: 'L’ancien maire perdra aussitôt l’accès à l’espace de la commune.',
        label: 'Adresse électronique du nouveau maire',
        confirmLabel: 'Remplacer le maire',
        field: 'email',
        submit: (email) => this.api.replaceMayor(workspace.insee, email),
      },
      `Le nouveau maire ${ofPlace(workspace.name)} a reçu son invitation.`,
    );
  }

  private askEmail(data: EmailDialogData, done: string): void {
    this.notice.set('');
    const closed: Observable<boolean | undefined> = this.dialog
      .open<EmailDialog, EmailDialogData, boolean>(EmailDialog, { data, width: '32rem', maxWidth: '95vw' })
      .afterClosed();
    closed.pipe(filter((ok) => ok === true)).subscribe(() => {
      this.notice.set(done);
      this.workspaces.reload();
      if (this.expandedInsee()) {
        this.team.reload();
      }
    });
  }

  protected requestDeletion(member: MemberDto): void {
    requestAccountDeletion(this.deletionHost, member, DELETED_MEMBER_LABEL);
  }

  protected cancelDeletion(member: MemberDto): void {
    cancelAccountDeletion(this.deletionHost, member);
  }
}
