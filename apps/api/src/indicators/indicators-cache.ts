import { Injectable } from '@nestjs/common';
import { TtlCache } from '../common/cache/ttl-cache';

/** Figures computed from the facts stay valid as long as the stamp; the stamp of a busy département moves on. */
const FACTS_TTL_MS = 10 * 60_000;
/** The projects' counts and consultations are not stamped: they may be a minute old. */
const PROJECTS_TTL_MS = 60_000;

/**
 * The dashboard's computed figures, kept in memory. Those computed from the questions' facts are kept under the
 * département's stamp (`indicator_stamp.version`, raised in the transaction of every change they depend on): an
 * instance reads the stamp with each request and reuses a figure only under the same stamp, so no instance ever
 * serves a figure older than the data, whichever instance made the change. The projects' figures expire by age.
 * Concurrent requests for the same missing figure share one computation.
 */
@Injectable()
export class IndicatorsCache {
  private readonly facts = new TtlCache<unknown>(FACTS_TTL_MS, 1_000);
  private readonly projects = new TtlCache<unknown>(PROJECTS_TTL_MS, 200);

  /** A figure computed from the facts of `code` as they were at `stamp`. */
  fromFacts<T>(code: string, stamp: string, parts: unknown[], load: () => Promise<T>): Promise<T> {
    return this.facts.getOrLoad(JSON.stringify([code, stamp, ...parts]), load) as Promise<T>;
  }

  /** A figure of the département's projects, at most a minute old. */
  fromProjects<T>(code: string, parts: unknown[], load: () => Promise<T>): Promise<T> {
    return this.projects.getOrLoad(JSON.stringify([code, ...parts]), load) as Promise<T>;
  }
}
