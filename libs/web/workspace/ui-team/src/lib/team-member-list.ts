import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type MemberDto, ROLE_LABELS } from '@passerelle/shared/dto';
import { formatDate, formatDateTime } from '@passerelle/web/shared/util-format';

/**
 * The seats of a commune workspace: members and pending invitations. With `manageable` (the mayor), each
 * collaborator comes with its actions; the mayor's own seat never does. With `deletable` (a département admin), each
 * member's account can be deleted at their request, or its pending deletion cancelled.
 */
@Component({
  selector: 'pas-team-member-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  host: { '[class.manageable]': 'manageable() || deletable()' },
  templateUrl: './team-member-list.html',
  styleUrl: './team-member-list.scss',
})
export class TeamMemberList {
  readonly members = input.required<readonly MemberDto[]>();
  readonly manageable = input(false);
  /** A département admin's view: « Supprimer le compte (à la demande de la personne) » on each member. */
  readonly deletable = input(false);
  /** The seat whose action is under way: its buttons wait. */
  readonly busyId = input<string | null>(null);

  readonly removeRequested = output<MemberDto>();
  readonly cancelRequested = output<MemberDto>();
  readonly resendRequested = output<MemberDto>();
  readonly deletionRequested = output<MemberDto>();
  readonly deletionCancelRequested = output<MemberDto>();

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;
}
