import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { MemberDto } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { AuthSession } from '@passerelle/web/auth/data-access';
import {
  confirmAction,
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  FocusOnText,
  formErrorItems,
  showServerErrors,
} from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { TeamApi } from '@passerelle/web/workspace/data-access';
import { seatsText, TeamMemberList } from '@passerelle/web/workspace/ui-team';
import { filter, finalize, type Observable } from 'rxjs';

/** `/espace/equipe`: the commune's team. The mayor invites, re-sends, cancels and removes; collaborators read. */
@Component({
  selector: 'pas-team-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TeamMemberList,
    ErrorSummary,
    FocusOnText,
  ],
  templateUrl: './team-page.html',
  styleUrl: './team-page.scss',
})
export class TeamPage {
  protected readonly ofPlace = ofPlace;
  private readonly session = inject(AuthSession);
  private readonly api = inject(TeamApi);
  private readonly dialog = inject(MatDialog);

  protected readonly commune = computed(() => this.session.user()?.commune ?? null);
  protected readonly isMayor = computed(() => this.session.role() === 'MAYOR');

  protected readonly team = rxResource({
    params: () => this.commune()?.insee,
    stream: ({ params }) => this.api.getTeam(params),
  });
  protected readonly seats = computed(() => (this.team.hasValue() ? this.team.value().seats : null));
  protected readonly seatsLabel = computed(() => {
    const seats = this.seats();
    return seats ? seatsText(seats) : '';
  });
  /** One mark per seat, filled when occupied. */
  protected readonly seatMarks = computed(() => {
    const seats = this.seats();
    return seats ? Array.from({ length: seats.total }, (_, index) => index < seats.used) : [];
  });
  protected readonly loadError = computed(() => {
    const error = this.team.error();
    return error ? apiErrorMessage(error, 'Impossible de charger l’équipe.') : '';
  });

  protected readonly inviteForm = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
  });
  protected readonly inviting = busyFlag();
  protected readonly inviteError = signal('');
  /** The invitation's fields to correct, listed above the form after a failed submit. */
  protected readonly inviteErrors = signal<ErrorSummaryItem[]>([]);
  /** Outcome of the last action, announced to screen readers. */
  protected readonly notice = signal('');
  protected readonly actionError = signal('');
  protected readonly busyId = signal<string | null>(null);
  protected readonly fieldErrorMessage = fieldErrorMessage;

  protected invite(): void {
    const insee = this.commune()?.insee;
    if (!insee || this.inviting()) {
      return;
    }
    this.inviteErrors.set([]);
    if (this.inviteForm.invalid) {
      this.inviteForm.markAllAsTouched();
      this.showInviteErrors();
      return;
    }
    const email = this.inviteForm.controls.email.value.trim();
    this.inviteError.set('');
    this.notice.set('');
    this.api
      .inviteCollaborator(insee, email)
      .pipe(this.inviting.track)
      .subscribe({
        next: () => {
          this.notice.set(`Invitation envoyée à ${email}.`);
          this.inviteForm.reset();
          this.team.reload();
        },
        error: (error: unknown) => {
          if (showServerErrors(this.inviteForm, error)) {
            this.showInviteErrors();
          } else {
            this.inviteError.set(apiErrorMessage(error));
          }
        },
      });
  }

  private showInviteErrors(): void {
    this.inviteErrors.set(
      formErrorItems(this.inviteForm, { prefix: 'invite', label: () => 'Adresse électronique du collaborateur' }),
    );
  }

  protected remove(member: MemberDto): void {
    const name = member.displayName ?? member.email;
    this.confirmThen(
      member,
      {
        title: 'Retirer ce collaborateur\u00a0?',
        message: `${name} n’aura plus accès à l’espace de la commune. Sa place sera libérée.`,
        confirmLabel: 'Retirer',
        destructive: true,
      },
      (insee) => this.api.removeMember(insee, member.id),
      `${name} a été retiré de l’équipe.`,
    );
  }

  protected cancel(member: MemberDto): void {
    this.confirmThen(
      member,
      {
        title: 'Annuler l’invitation\u00a0?',
        message: `Le lien envoyé à ${member.email} ne fonctionnera plus. La place sera libérée.`,
        confirmLabel: 'Annuler l’invitation',
        destructive: true,
      },
      (insee) => this.api.cancelInvitation(insee, member.id),
      `L’invitation de ${member.email} est annulée.`,
    );
  }

  protected resend(member: MemberDto): void {
    const insee = this.commune()?.insee;
    if (!insee) {
      return;
    }
    this.run(member, this.api.resendInvitation(insee, member.id), `Invitation renvoyée à ${member.email}.`);
  }

  private confirmThen(
    member: MemberDto,
    question: Parameters<typeof confirmAction>[1],
    action: (insee: string) => Observable<unknown>,
    done: string,
  ): void {
    const insee = this.commune()?.insee;
    if (!insee) {
      return;
    }
    confirmAction(this.dialog, question)
      .pipe(filter(Boolean))
      .subscribe(() => this.run(member, action(insee), done));
  }

  private run(member: MemberDto, action: Observable<unknown>, done: string): void {
    this.busyId.set(member.id);
    this.actionError.set('');
    this.notice.set('');
    action.pipe(finalize(() => this.busyId.set(null))).subscribe({
      next: () => {
        this.notice.set(done);
        this.team.reload();
      },
      error: (error: unknown) => this.actionError.set(apiErrorMessage(error)),
    });
  }
}
