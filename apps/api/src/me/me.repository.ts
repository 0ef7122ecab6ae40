import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EmailMode, NotificationKind, Role } from '@passerelle/shared/dto';

// The rows of the data export (RGPD, right of access) go out as PostgreSQL returns them: the export is a copy of
// what is kept, under the names it is kept with.

export interface ExportedSessionRow {
  id: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  user_agent: string | null;
  ip: string | null;
}

export interface ExportedActivityRow {
  at: Date;
  action: string;
  target_type: string | null;
  target_id: string | null;
  commune_insee: string | null;
  ip: string | null;
}

export interface ExportedInvitationRow {
  email: string;
  role: Role;
  commune_insee: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

export interface ExportedMessageRow {
  id: string;
  thread_subject: string;
  body: string;
  internal: boolean;
  created_at: Date;
  edited_at: Date | null;
}

export interface ExportedPreferenceRow {
  kind: NotificationKind;
  email_mode: EmailMode;
}

/** What Passerelle keeps about one user, table by table, for the data export. */
@Injectable()
export class MeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  sessions(userId: string): Promise<ExportedSessionRow[]> {
    return this.db.query<ExportedSessionRow[]>(
      `SELECT id, created_at, last_used_at, expires_at, revoked_at, revoked_reason, user_agent, ip
         FROM user_session WHERE user_id = $1 ORDER BY created_at DESC`,
      [userId],
    );
  }

  /** The user's latest 1000 actions. */
  activity(userId: string): Promise<ExportedActivityRow[]> {
    return this.db.query<ExportedActivityRow[]>(
      `SELECT at, action, target_type, target_id, commune_insee, ip FROM audit_event
        WHERE actor_id = $1 ORDER BY at DESC LIMIT 1000`,
      [userId],
    );
  }

  invitationsSent(userId: string): Promise<ExportedInvitationRow[]> {
    return this.db.query<ExportedInvitationRow[]>(
      `SELECT email, role, commune_insee, created_at, expires_at, accepted_at, revoked_at FROM invitation
        WHERE invited_by = $1 ORDER BY created_at DESC`,
      [userId],
    );
  }

  /** The user's own messages (a staff member's own internal notes are theirs too). */
  messages(userId: string): Promise<ExportedMessageRow[]> {
    return this.db.query<ExportedMessageRow[]>(
      `SELECT m.id, t.subject AS thread_subject, m.body, m.internal, m.created_at, m.edited_at FROM thread_message m
         JOIN thread t ON t.id = m.thread_id WHERE m.author_id = $1 ORDER BY m.created_at DESC`,
      [userId],
    );
  }

  notificationPreferences(userId: string): Promise<ExportedPreferenceRow[]> {
    return this.db.query<ExportedPreferenceRow[]>(`SELECT kind, email_mode FROM notification_preference WHERE user_id = $1`, [userId]);
  }
}
