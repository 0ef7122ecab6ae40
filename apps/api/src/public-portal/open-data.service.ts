import { Inject, Injectable } from '@nestjs/common';
import {
  FUNDER_LABELS,
  OPEN_DATA_COLUMNS,
  OPEN_DATA_LICENCE,
  type OpenDataColumn,
  PROJECT_STATUS_LABELS,
  PROJECT_THEME_LABELS,
  type PublicProjectFilters,
} from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type OpenDataRow, PublicPortalRepository } from './public-portal.repository';
import { csvField } from '../common/http/csv';

type Record_ = Record<OpenDataColumn, string | number | null>;

const BATCH = 1_000;
const FEED_SIZE = 50;
const NUMERIC: ReadonlySet<string> = new Set(OPEN_DATA_COLUMNS.filter((c) => c.type === 'nombre' || c.type === 'entier').map((c) => c.name));

/**
 * Open data of the published projects (CSV and GeoJSON, Licence Ouverte 2.0) and the Atom feed of new
 * publications. Everything comes from the reviewed snapshots, with the documented columns only: no names, no
 * e-mails, funding only when the commune chose to publish it. The files are streamed in batches.
 */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly repository: PublicPortalRepository,
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

  /** The latest publications (Atom 1.0, RFC 4287). */
  async atom(filters: PublicProjectFilters): Promise<string> {
    const rows = await this.repository.latest(filters, FEED_SIZE);
    const base = this.config.publicUrl;
    const updated = rows.reduce((latest, r) => (r.reviewed_at > latest ? r.reviewed_at : latest), new Date(0));
    const entries = rows.map((r) => {
      const url = `${base}/projets/${r.slug}`;
      const s = r.snapshot;
      return `  <entry>
    <id>${xml(url)}</id>
    <title>${xml(`${s.title} — ${s.commune.name}`)}</title>
    <link rel="alternate" type="text/html" href="${xml(url)}"/>
    <published>${r.published_at.toISOString()}</published>
    <updated>${r.reviewed_at.toISOString()}</updated>
    <author><name>${xml(`Commune ${ofPlace(s.commune.name)}`)}</name></author>
    <category term="${xml(s.theme)}" label="${xml(PROJECT_THEME_LABELS[s.theme])}"/>
    <summary type="text">${xml(s.summary)}</summary>
  </entry>`;
    });
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>${xml(`${base}/projets`)}</id>
  <title>Passerelle — projets publiés par les communes</title>
  <subtitle>Les derniers projets réalisés par les communes et publiés avec l’accord du maire.</subtitle>
  <link rel="self" type="application/atom+xml" href="${xml(`${base}/api/public/feed.atom`)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/projets`)}"/>
  <updated>${(rows.length ? updated : new Date(0)).toISOString()}</updated>
  <author><name>Passerelle</name></author>
  <rights>${xml(OPEN_DATA_LICENCE.name)}</rights>
${entries.join('\n')}
</feed>
`;
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

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}
