import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { NewsletterFrequency, NewsletterScope } from '@passerelle/shared/dto';

export interface SubscriptionRow {
  id: string;
  departement_code: string;
  email: string;
  scope_kind: NewsletterScope['kind'];
  canton_code: string | null;
  axis_id: string | null;
  frequency: NewsletterFrequency;
  /** Where this digest starts: the last one sent, or the confirmation. */
  since: Date;
}

/** A commune's project published for the first time in the period. */
export interface PublicationItemRow {
  slug: string;
  title: string;
  summary: string;
  commune_name: string;
  published_at: Date;
}

/** A progress report of a public project of the département, published in the period. */
export interface ReportItemRow {
  slug: string;
  title: string;
  reported_on: string;
  done: string;
  progress: number;
  published_at: Date;
}

/** At most this many items of each kind in one digest: the mail links to the portal for the rest. */
const ITEMS_PER_KIND = 30;

/** The newsletter's SQL: confirmed subscriptions (nothing else is ever stored) and what their digests list. */
@Injectable()
export class NewsletterRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async departementName(code: string): Promise<string | null> {
    const [row] = await this.db.query<{ name: string }[]>(`SELECT name FROM departement WHERE code = $1`, [code]);
    return row?.name ?? null;
  }

  async cantonName(departementCode: string, cantonCode: string): Promise<string | null> {
    const [row] = await this.db.query<{ name: string }[]>(`SELECT name FROM canton WHERE code = $1 AND departement_code = $2`, [cantonCode, departementCode]);
    return row?.name ?? null;
  }

  async axisLabel(departementCode: string, axisId: string): Promise<string | null> {
    const [row] = await this.db.query<{ label: string }[]>(`SELECT label FROM programme_axis WHERE id = $1 AND departement_code = $2`, [axisId, departementCode]);
    return row?.label ?? null;
  }

  /** One subscription per address and scope: confirming again keeps it, with the frequency of the newer link. */
  async upsert(input: { departementCode: string; email: string; scope: NewsletterScope; frequency: NewsletterFrequency }): Promise<{ id: string; created: boolean }> {
    const [row] = await this.db.query<{ id: string; created: boolean }[]>(
      `INSERT INTO newsletter_subscription (departement_code, email, scope_kind, canton_code, axis_id, frequency)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (departement_code, lower(email), scope_kind, coalesce(canton_code, ''), coalesce(axis_id::text, ''))
       DO UPDATE SET frequency = excluded.frequency
       RETURNING id, (xmax = 0) AS created`,
      [
        input.departementCode,
        input.email,
        input.scope.kind,
        input.scope.kind === 'CANTON' ? input.scope.cantonCode : null,
        input.scope.kind === 'AXIS' ? input.scope.axisId : null,
        input.frequency,
      ],
    );
    return row;
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM newsletter_subscription WHERE id = $1`, [id]);
  }

  /**
   * Subscriptions of `frequency` whose last digest (or confirmation) is older than `cutoff`, locked for the caller's
   * transaction (another instance running the same digest skips them).
   */
  claimDue(tx: EntityManager, frequency: NewsletterFrequency, cutoff: Date, limit: number): Promise<SubscriptionRow[]> {
    return tx.query(
      `SELECT id, departement_code, email, scope_kind, canton_code, axis_id, frequency, coalesce(last_sent_at, confirmed_at) AS since
         FROM newsletter_subscription
        WHERE frequency = $1 AND coalesce(last_sent_at, confirmed_at) < $2
        ORDER BY id
        LIMIT $3
          FOR UPDATE SKIP LOCKED`,
      [frequency, cutoff, limit],
    );
  }

  async markSent(tx: EntityManager, ids: string[], at: Date): Promise<void> {
    await tx.query(`UPDATE newsletter_subscription SET last_sent_at = $2 WHERE id = ANY($1::uuid[])`, [ids, at]);
  }

  /** Communes' projects first published in `(since, until]`: the whole département or one canton (none for an axis). */
  publications(tx: EntityManager, sub: Pick<SubscriptionRow, 'departement_code' | 'scope_kind' | 'canton_code'>, since: Date, until: Date): Promise<PublicationItemRow[]> {
    if (sub.scope_kind === 'AXIS') {
      return Promise.resolve([]);
    }
    return tx.query(
      `SELECT pp.slug, pp.snapshot ->> 'title' AS title, coalesce(pp.snapshot ->> 'summary', '') AS summary, c.name AS commune_name, pp.published_at
         FROM project_publication pp
         JOIN commune c ON c.insee = pp.commune_insee
        WHERE pp.departement_code = $1 AND pp.published_at > $2 AND pp.published_at <= $3
          AND ($4::text IS NULL OR pp.canton_code = $4)
        ORDER BY pp.published_at
        LIMIT ${ITEMS_PER_KIND}`,
      [sub.departement_code, since, until, sub.scope_kind === 'CANTON' ? sub.canton_code : null],
    );
  }

  /** Reports published in `(since, until]` of the département's public projects, in the scope (canton or axis). */
  reports(tx: EntityManager, sub: Pick<SubscriptionRow, 'departement_code' | 'scope_kind' | 'canton_code' | 'axis_id'>, since: Date, until: Date): Promise<ReportItemRow[]> {
    return tx.query(
      `SELECT p.slug, p.title, r.published ->> 'reportedOn' AS reported_on, coalesce(r.published ->> 'done', '') AS done,
              coalesce((r.published ->> 'progress')::int, 0) AS progress, r.published_at
         FROM dept_project_report r
         JOIN dept_project p ON p.id = r.project_id
        WHERE p.departement_code = $1 AND p.published_at IS NOT NULL AND p.deleted_at IS NULL
          AND r.published IS NOT NULL AND r.published_at > $2 AND r.published_at <= $3
          AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM dept_project_canton pc WHERE pc.project_id = p.id AND pc.canton_code = $4))
          AND ($5::uuid IS NULL OR p.axis_id = $5)
        ORDER BY r.published_at
        LIMIT ${ITEMS_PER_KIND}`,
      [sub.departement_code, since, until, sub.scope_kind === 'CANTON' ? sub.canton_code : null, sub.scope_kind === 'AXIS' ? sub.axis_id : null],
    );
  }

  /** Names shown in a digest's scope line, for a batch of subscriptions. */
  async scopeNames(tx: EntityManager, cantonCodes: string[], axisIds: string[]): Promise<{ cantons: Map<string, string>; axes: Map<string, string> }> {
    const cantons = await tx.query<{ code: string; name: string }[]>(`SELECT code, name FROM canton WHERE code = ANY($1::text[])`, [cantonCodes]);
    const axes = await tx.query<{ id: string; label: string }[]>(`SELECT id, label FROM programme_axis WHERE id = ANY($1::uuid[])`, [axisIds]);
    return { cantons: new Map(cantons.map((c) => [c.code, c.name])), axes: new Map(axes.map((a) => [a.id, a.label])) };
  }

  async departementNames(tx: EntityManager, codes: string[]): Promise<Map<string, string>> {
    const rows = await tx.query<{ code: string; name: string }[]>(`SELECT code, name FROM departement WHERE code = ANY($1::text[])`, [codes]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}
