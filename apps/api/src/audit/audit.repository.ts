import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** One row of `audit_event`, as written. */
export interface NewAuditEventRow {
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  departementCode: string | null;
  communeInsee: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** The SQL of the audit trail: append only. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Written in the caller's transaction when it passes one, so the event stands or falls with what it records. */
  async insert(event: NewAuditEventRow, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_id, action, target_type, target_id, departement_code, commune_insee, request_id, ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        event.actorId,
        event.action,
        event.targetType,
        event.targetId,
        event.departementCode,
        event.communeInsee,
        event.requestId,
        event.ip,
        JSON.stringify(event.details),
      ],
    );
  }
}
