import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { FailedMailDto, Page } from '@passerelle/shared/dto';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import type { PageQueryDto } from '../common/pagination/page-query.dto';
import { MailDispatcher } from './mail-dispatcher';
import { MailException } from './mail.exception';
import { type FailedMailRow, MailOutboxRepository } from './mail-outbox.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Mails given up after their last try, for the admins of the recipient's département, who may send one again. A mail
 * without a known département (no account, no invitation for its address) is listed for nobody: it is counted in
 * `/api/health` and logged, for the operator.
 */
@Injectable()
export class FailedMailsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: MailOutboxRepository,
    private readonly dispatcher: MailDispatcher,
    private readonly audit: AuditService,
  ) {}

  async list(admin: AuthUser, query: PageQueryDto): Promise<Page<FailedMailDto>> {
    const rows = await this.outbox.listFailed(admin.departementCode, query.limit, query.offset);
    return { items: rows.map(toFailedMail), total: rows.length > 0 ? Number(rows[0].total) : 0, limit: query.limit, offset: query.offset };
  }

  /** A fresh set of tries, starting now; another département's mail answers 404 like a missing one. */
  async resend(admin: AuthUser, id: string, meta: RequestMeta): Promise<void> {
    if (!UUID.test(id)) {
      throw new MailException('MAIL_NOT_FOUND');
    }
    await this.db.transaction(async (tx) => {
      const mail = await this.outbox.resend(tx, id, admin.departementCode);
      if (!mail) {
        throw new MailException('MAIL_NOT_FOUND');
      }
      await this.audit.record(
        { action: 'MAIL_RESENT', actorId: admin.id, targetType: 'mail', targetId: mail.id, departementCode: admin.departementCode, details: { kind: mail.kind } },
        meta,
        tx,
      );
    });
    this.dispatcher.wake();
  }
}

function toFailedMail(row: FailedMailRow): FailedMailDto {
  return {
    id: row.id,
    kind: row.kind,
    to: row.recipient,
    subject: row.subject,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    failedAt: row.failed_at.toISOString(),
  };
}
