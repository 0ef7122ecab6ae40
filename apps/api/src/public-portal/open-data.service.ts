import { Inject, Injectable } from '@nestjs/common';
import {
  FUNDER_LABELS,
  OPEN_DATA_COLUMNS,
  OPEN_DATA_LICENCE,
  type OpenDataColumn,
  PROJECT_STATUS_LABELS,
  PROJECT_THEME_LABELS,
  type PublicProjectFilters,
  type PublicProjectKind,
} from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type DeptFeedRow, deptFiltersOf, PublicDeptProjectsRepository } from './public-dept-projects.repository';
import { type OpenDataRow, PublicPortalRepository } from './public-portal.repository';
import { csvField } from '../common/http/csv';

type Record_ = Record<OpenDataColumn, string | number | null>;

const BATCH = 1_000;
const FEED_SIZE = 50;
const SUMMARY_LENGTH = 500;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type PublicFeedFilters = PublicProjectFilters & { kind?: PublicProjectKind; axis?: string };

interface FeedEntry {
  published: Date;
  updated: Date;
  xml: string;
}

const FEED_TITLES: Record<PublicProjectKind | 'BOTH', [string, string]> = {
  BOTH: [
    'Passerelle — projets des communes et du Département',
    'Les derniers projets publiés par les communes et les derniers points d’avancement des projets du Département.',
  ],
  COMMUNE: ['Passerelle — projets publiés par les communes', 'Les derniers projets réalisés par les communes et publiés avec l’accord du maire.'],
  DEPARTEMENT: ['Passerelle — avancement des projets du Département', 'Les derniers points d’avancement des projets du Département, relus avant publication.'],
};

const NUMERIC: ReadonlySet<string> = new Set(OPEN_DATA_COLUMNS.filter((c) => c.type === 'nombre' || c.type === 'entier').map((c) => c.name));

/**
 * Open data of the communes' published projects (CSV and GeoJSON, Licence Ouverte 2.0) and the Atom feed of new
 * publications and of the département's reviewed progress reports. Everything comes from the reviewed snapshots, with the documented columns only: no names, no
 * e-mails, funding only when the commune chose to publish it. The files are streamed in batches.
 */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly repository: PublicPortalRepository,
    private readonly deptRepository: PublicDeptProjectsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `;`-separated, UTF-8 with a byte-order mark (so spreadsheets open the accents right), one header line. */
  async *csv(filters: PublicProjectFilters): AsyncGenerator<string> {
    // The first batch is read before the first line is yielded (see the controller: nothing is sent before).
    const records = await this.startRecords(filters);
    yield '\ufeff' + OPEN_DATA_COLUMNS.map((c) => c.name).join(';') + '\r\n';
    for await (const record of records) {
      yield OPEN_DATA_COLUMNS.map((c) => csvField(record[c.name], NUMERIC.has(c.name))).join(';') + '\r\n';
    }
  }

  /** A FeatureCollection (RFC 7946): one point per located project, the CSV's columns as properties. */
  async *geoJson(filters: PublicProjectFilters): AsyncGenerator<string> {
    const records = await this.startRecords(filters);
    yield `{"type":"FeatureCollection","licence":${JSON.stringify(OPEN_DATA_LICENCE.name)},"features":[`;
    let first = true;
    for await (const record of records) {
      const point = record.longitude !== null && record.latitude !== null ? { type: 'Point', coordinates: [record.longitude, record.latitude] } : null;
      yield (first ? '\n' : ',\n') + JSON.stringify({ type: 'Feature', geometry: point, properties: record });
      first = false;
    }
    yield '\n]}\n';
  }

  /**
   * The latest publications of the communes and the latest reviewed reports of the département's projects, mixed
   * by date (Atom 1.0, RFC 4287). `kind` keeps one side; an axis or a commune keeps the side it belongs to.
   */
  async atom(filters: PublicFeedFilters): Promise<string> {
    const communes = filters.kind !== 'DEPARTEMENT' && !filters.axis;
    const departement = filters.kind !== 'COMMUNE' && !filters.commune;
    const [publications, reports] = await Promise.all([
      communes ? this.repository.latest(filters, FEED_SIZE) : [],
      departement ? this.deptRepository.latestReports(deptFiltersOf(filters), FEED_SIZE) : [],
    ]);
    const entries = [...publications.map((r) => this.publicationEntry(r)), ...reports.map((r) => this.reportEntry(r))]
      .sort((a, b) => b.published.getTime() - a.published.getTime())
      .slice(0, FEED_SIZE);
    const base = this.config.publicUrl;
    const updated = entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
    const [title, subtitle] = FEED_TITLES[communes && departement ? 'BOTH' : communes ? 'COMMUNE' : 'DEPARTEMENT'];
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>${xml(`${base}/projets`)}</id>
  <title>${xml(title)}</title>
  <subtitle>${xml(subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${xml(`${base}/api/public/feed.atom`)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/projets`)}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>Passerelle</name></author>
  <rights>${xml(OPEN_DATA_LICENCE.name)}</rights>
${entries.map((e) => e.xml).join('\n')}
</feed>
`;
  }

  private publicationEntry(r: OpenDataRow): FeedEntry {
    const url = `${this.config.publicUrl}/projets/${r.slug}`;
    const s = r.snapshot;
    return {
      published: r.published_at,
      updated: r.reviewed_at,
      xml: `  <entry>
    <id>${xml(url)}</id>
    <title>${xml(`${s.title} — ${s.commune.name}`)}</title>
    <link rel="alternate" type="text/html" href="${xml(url)}"/>
    <published>${r.published_at.toISOString()}</published>
    <updated>${r.reviewed_at.toISOString()}</updated>
    <author><name>${xml(`Commune ${ofPlace(s.commune.name)}`)}</name></author>
    <category term="${xml(s.theme)}" label="${xml(PROJECT_THEME_LABELS[s.theme])}"/>
    <summary type="text">${xml(s.summary)}</summary>
  </entry>`,
    };
  }

  /** One reviewed report: its reviewed text only, linked to its project's page. */
  private reportEntry(r: DeptFeedRow): FeedEntry {
    const url = `${this.config.publicUrl}/projets-du-departement/${r.slug}`;
    const day = r.reported_on && DAY.test(r.reported_on) ? ` (${frenchDay(r.reported_on)})` : '';
    return {
      published: r.published_at,
      updated: r.published_at,
      xml: `  <entry>
    <id>urn:uuid:${r.report_id}</id>
    <title>${xml(`Point d’avancement — ${r.title}${day}`)}</title>
    <link rel="alternate" type="text/html" href="${xml(url)}"/>
    <published>${r.published_at.toISOString()}</published>
    <updated>${r.published_at.toISOString()}</updated>
    <author><name>${xml(`Département — ${r.departement_name}`)}</name></author>
    <category term="${xml(r.theme)}" label="${xml(PROJECT_THEME_LABELS[r.theme])}"/>
    <summary type="text">${xml(shorten(r.done ?? ''))}</summary>
  </entry>`,
    };
  }

  /** The records, with the first batch already read (so that a failing database fails here). */
  private async startRecords(filters: PublicProjectFilters): Promise<AsyncGenerator<Record_>> {
    const records = this.records(filters);
    const first = await records.next();
    async function* all(): AsyncGenerator<Record_> {
      if (!first.done) {
        yield first.value;
        yield* records;
      }
    }
    return all();
  }

  private async *records(filters: PublicProjectFilters): AsyncGenerator<Record_> {
    let after = '';
    for (;;) {
      const rows = await this.repository.openDataBatch(filters, after, BATCH);
      for (const row of rows) {
        yield this.record(row);
      }
      if (rows.length < BATCH) {
        return;
      }
      after = rows[rows.length - 1].slug;
    }
  }

  private record(row: OpenDataRow): Record_ {
    const s = row.snapshot;
    const funding = s.funding;
    const euros = (cents: number | null | undefined) => (cents === null || cents === undefined ? null : cents / 100);
    return {
      identifiant: row.slug,
      titre: s.title,
      resume: s.summary,
      theme: s.theme,
      theme_libelle: PROJECT_THEME_LABELS[s.theme],
      statut: PROJECT_STATUS_LABELS[s.status],
      annee: row.year,
      date_debut: s.startDate,
      date_fin: s.endDate,
      commune_insee: s.commune.insee,
      commune_nom: s.commune.name,
      canton: s.commune.cantonName,
      departement: row.departement_code,
      latitude: row.latitude,
      longitude: row.longitude,
      cout_previsionnel_euros: euros(s.forecastCostCents),
      cout_final_euros: euros(s.finalCostCents),
      aides_publiques_euros: funding ? euros(funding.reduce((sum, f) => sum + (f.amountObtainedCents ?? 0), 0)) : null,
      financeurs: funding
        ? funding.map((f) => [f.funderName || FUNDER_LABELS[f.funder], f.scheme].filter(Boolean).join(' — ')).join(' ; ')
        : null,
      url: `${this.config.publicUrl}/projets/${row.slug}`,
      date_publication: row.published_at.toISOString().slice(0, 10),
      date_relecture: row.reviewed_at.toISOString().slice(0, 10),
    };
  }
}

/** « 12 mars 2025 » for `2025-03-12` (a calendar day: no time zone moves it). */
function frenchDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= SUMMARY_LENGTH ? flat : `${flat.slice(0, SUMMARY_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}
