import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { NewsletterFrequency } from '@passerelle/shared/dto';
import { Clock } from '../common/clock/clock';
import { parisDay, parisInstant } from '../common/calendar/working-calendar';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { type DigestItem, digestMail, excerpt } from './newsletter-mails';
import { NewsletterRepository, type PublicationItemRow, type ReportItemRow, type SubscriptionRow } from './newsletter.repository';
import { NewsletterService, ONE_CLICK_PATH, UNSUBSCRIBE_PAGE, axisScopeLabel, cantonScopeLabel, departementScopeLabel } from './newsletter.service';

const BATCH = 200;
/** 7:30 in the morning, Paris time. */
const SEND_MINUTES = 7 * 60 + 30;

export const NEWSLETTER_QUEUES: Record<NewsletterFrequency, string> = { WEEKLY: 'newsletter-weekly', MONTHLY: 'newsletter-monthly' };
/** Cron read in Europe/Paris (`JOBS_TIME_ZONE`): Mondays and the 1st of the month at 7:30. */
export const NEWSLETTER_CRONS: Record<NewsletterFrequency, string> = { WEEKLY: '30 7 * * 1', MONTHLY: '30 7 1 * *' };

/**
 * The digests: at each schedule (`NEWSLETTER_CRONS`), every subscription of that frequency not served since the
 * latest scheduled time gets what was published in its scope between its previous digest (or its confirmation) and
 * that time, and no mail when there is nothing. Each batch is claimed (`FOR UPDATE SKIP LOCKED`), mailed to the
 * outbox and marked in one transaction, so a second run, on this instance or another, sends nothing twice, and a
 * run missed while no instance ran is caught up at the next start (`atStart`).
 */
@Injectable()
export class NewsletterDigests implements OnModuleInit {
  private readonly logger = new Logger(NewsletterDigests.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NewsletterRepository,
    private readonly newsletter: NewsletterService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.jobs.enabled) {
      return;
    }
    for (const frequency of ['WEEKLY', 'MONTHLY'] as const) {
      await this.jobs.register({
        queue: NEWSLETTER_QUEUES[frequency],
        handler: () => this.send(frequency, this.clock.now()),
        cron: NEWSLETTER_CRONS[frequency],
        expireInSeconds: 1_800,
        atStart: true,
      });
    }
  }

  /** Sends the digests of `frequency` due at `now`; returns how many mails were queued. */
  async send(frequency: NewsletterFrequency, now: Date): Promise<number> {
    const cutoff = latestDigestTime(frequency, now);
    let mailed = 0;
    for (;;) {
      const { claimed, sent } = await this.db.transaction(async (tx) => {
        const due = await this.repository.claimDue(tx, frequency, cutoff, BATCH);
        let sentInBatch = 0;
        if (due.length > 0) {
          const names = await this.repository.scopeNames(
            tx,
            due.flatMap((s) => (s.canton_code ? [s.canton_code] : [])),
            due.flatMap((s) => (s.axis_id ? [s.axis_id] : [])),
          );
          const departements = await this.repository.departementNames(tx, [...new Set(due.map((s) => s.departement_code))]);
          // Subscribers of one scope served up to the same time share their items: one pair of queries for them all.
          const items = new Map<string, Promise<{ publications: PublicationItemRow[]; reports: ReportItemRow[] }>>();
          for (const sub of due) {
            const key = `${sub.departement_code}|${sub.scope_kind}|${sub.canton_code ?? ''}|${sub.axis_id ?? ''}|${sub.since.toISOString()}`;
            if (!items.has(key)) {
              items.set(key, this.itemsOf(tx, sub, cutoff));
            }
            const { publications, reports } = await (items.get(key) as Promise<{ publications: PublicationItemRow[]; reports: ReportItemRow[] }>);
            if (publications.length + reports.length === 0) {
              continue;
            }
            const departementName = departements.get(sub.departement_code) ?? sub.departement_code;
            const scopeLabel =
              sub.scope_kind === 'CANTON'
                ? cantonScopeLabel(names.cantons.get(sub.canton_code ?? '') ?? sub.canton_code ?? '')
                : sub.scope_kind === 'AXIS'
                  ? axisScopeLabel(names.axes.get(sub.axis_id ?? '') ?? '')
                  : departementScopeLabel(departementName);
            const token = encodeURIComponent(this.newsletter.tokens.signUnsubscribe(sub.id));
            await this.mail.send(
              {
                ...digestMail({
                  to: sub.email,
                  departementName,
                  scopeLabel,
                  frequency,
                  publications: publications.map((p) => this.publicationItem(p)),
                  reports: reports.map((r) => this.reportItem(r)),
                  unsubscribePage: `${this.config.publicUrl}${UNSUBSCRIBE_PAGE}/${token}`,
                  unsubscribeOneClick: `${this.config.publicUrl}${ONE_CLICK_PATH}/${token}`,
                }),
                departementCode: sub.departement_code,
              },
              tx,
            );
            sentInBatch++;
          }
          // Served up to the cutoff, with a mail or without: the next digest starts there.
          await this.repository.markSent(
            tx,
            due.map((s) => s.id),
            cutoff,
          );
        }
        return { claimed: due.length, sent: sentInBatch };
      });
      mailed += sent;
      if (claimed < BATCH) {
        if (mailed > 0) {
          this.logger.log(`Lettre des projets (${frequency === 'WEEKLY' ? 'hebdomadaire' : 'mensuelle'}) : ${mailed} courriel(s) envoyé(s).`);
        }
        return mailed;
      }
    }
  }

  private async itemsOf(tx: EntityManager, sub: SubscriptionRow, cutoff: Date): Promise<{ publications: PublicationItemRow[]; reports: ReportItemRow[] }> {
    const since = new Date(sub.since);
    return { publications: await this.repository.publications(tx, sub, since, cutoff), reports: await this.repository.reports(tx, sub, since, cutoff) };
  }

  private publicationItem(row: PublicationItemRow): DigestItem {
    return {
      title: row.title,
      context: `Commune : ${row.commune_name}`,
      excerpt: excerpt(row.summary),
      url: `${this.config.publicUrl}/projets/${row.slug}`,
    };
  }

  private reportItem(row: ReportItemRow): DigestItem {
    const day = new Date(`${row.reported_on}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
    return {
      title: row.title,
      context: `Point d’avancement du ${day} — avancement ${row.progress}\u00a0%`,
      excerpt: excerpt(row.done),
      url: `${this.config.publicUrl}/projets-du-departement/${row.slug}`,
    };
  }
}

/** The latest scheduled digest time at or before `now`: Monday 7:30 (weekly) or the 1st 7:30 (monthly), Paris time. */
export function latestDigestTime(frequency: NewsletterFrequency, now: Date): Date {
  const today = parisDay(now.getTime());
  const [y, m, d] = today.split('-').map(Number);
  let day: string;
  if (frequency === 'WEEKLY') {
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    day = isoDay(Date.UTC(y, m - 1, d - ((weekday + 6) % 7)));
    if (parisInstant(day, SEND_MINUTES) > now.getTime()) {
      day = isoDay(Date.UTC(y, m - 1, d - ((weekday + 6) % 7) - 7));
    }
  } else {
    day = isoDay(Date.UTC(y, m - 1, 1));
    if (parisInstant(day, SEND_MINUTES) > now.getTime()) {
      day = isoDay(Date.UTC(y, m - 2, 1));
    }
  }
  return new Date(parisInstant(day, SEND_MINUTES));
}

function isoDay(utc: number): string {
  return new Date(utc).toISOString().slice(0, 10);
}
