import type { DeptPhotoDto, PublicDeptProjectDto, PublicDeptProjectSummaryDto, PublicDeptReportDto, VideoLinkDto } from '@passerelle/shared/dto';
import { isUuid } from '../common/http/uuid';
import type { DeptPhotoRow, DeptProjectRow, DeptSummaryRow, PublishedReportJson } from './public-dept-projects.repository';

export function deptPhotoThumbnailUrl(id: string): string {
  return `/api/public/dept-photos/${id}/thumbnail`;
}

export function mapDeptSummary(row: DeptSummaryRow): PublicDeptProjectSummaryDto {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    theme: row.theme,
    status: row.status,
    progress: row.progress,
    axis: row.axis_id && row.axis_label !== null ? { id: row.axis_id, label: row.axis_label } : null,
    cantons: row.cantons,
    location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null,
    coverUrl: row.cover_id ? deptPhotoThumbnailUrl(row.cover_id) : null,
    publishedAt: row.published_at.toISOString(),
    lastReportOn: row.last_report_on,
  };
}

/** The photo ids a reviewed report names, in its order (anything that is no id is ignored). */
export function photoIdsOf(report: PublishedReportJson): string[] {
  return Array.isArray(report.photoIds) ? report.photoIds.filter(isUuid).map((id) => id.toLowerCase()) : [];
}

/**
 * The public fiche: the live project's public fields, its funding reduced to what was obtained (funder, scheme,
 * amount), and the reviewed reports with the photos they name (those still stored).
 */
export function mapDeptProject(row: DeptProjectRow, photoRows: DeptPhotoRow[]): PublicDeptProjectDto {
  const photosById = new Map(photoRows.map((p) => [p.id, mapPhoto(p)]));
  const reports = row.reports.map((r) => mapReport(r.published, r.published_at, photosById));
  const cover = reports.flatMap((r) => r.photos)[0] ?? null;
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    theme: row.theme,
    status: row.status,
    progress: row.progress,
    axis: row.axis_id && row.axis_label !== null ? { id: row.axis_id, label: row.axis_label } : null,
    cantons: row.cantons,
    location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null,
    coverUrl: cover?.thumbnailUrl ?? null,
    publishedAt: row.published_at.toISOString(),
    lastReportOn: reports.reduce<string | null>((last, r) => (r.reportedOn && (last === null || r.reportedOn > last) ? r.reportedOn : last), null),
    departement: { code: row.departement_code, name: row.departement_name },
    locatedBy: row.has_point ? 'POINT' : 'CANTONS',
    description: row.description,
    objectives: row.objectives,
    resources: row.resources,
    partners: row.partners,
    startDate: row.start_date,
    endDate: row.end_date,
    address: row.address,
    forecastCostCents: row.forecast_cost_cents === null ? null : Number(row.forecast_cost_cents),
    finalCostCents: row.final_cost_cents === null ? null : Number(row.final_cost_cents),
    // Public money obtained only, as for the communes: amounts asked for and refusals stay internal.
    fundingLines: row.funding_lines
      .filter((f) => f.state === 'OBTAINED' || f.state === 'PAID')
      .map((f) => ({ funder: f.funder, funderName: f.funderName, scheme: f.scheme, amountObtainedCents: f.amountObtainedCents })),
    milestones: row.milestones.map((m) => ({ date: m.date, title: m.title, done: m.done })),
    evaluation: row.evaluation,
    lessons: { problems: row.lessons.problems ?? '', differently: row.lessons.differently ?? '', advice: row.lessons.advice ?? '' },
    reports,
  };
}

function mapReport(published: PublishedReportJson, publishedAt: string, photosById: Map<string, DeptPhotoDto>): PublicDeptReportDto {
  const photos = photoIdsOf(published)
    .map((id) => photosById.get(id))
    .filter((p): p is DeptPhotoDto => p !== undefined);
  const shown = new Set(photos.map((p) => p.id));
  return {
    reportedOn: published.reportedOn ?? '',
    done: published.done ?? '',
    difficulties: published.difficulties ?? '',
    nextSteps: published.nextSteps ?? '',
    progress: published.progress ?? 0,
    milestonesReached: Array.isArray(published.milestonesReached) ? published.milestonesReached.filter((m): m is string => typeof m === 'string') : [],
    photos,
    videos: (Array.isArray(published.videos) ? (published.videos as Partial<VideoLinkDto>[]) : []).flatMap((v) => {
      const video = mapVideo(v);
      return video ? [{ ...video, thumbnailPhotoId: video.thumbnailPhotoId && shown.has(video.thumbnailPhotoId) ? video.thumbnailPhotoId : null }] : [];
    }),
    publishedAt: new Date(publishedAt).toISOString(),
  };
}

/** A link only when it is one (`https`, as the review accepted it): never a `javascript:` or plain-HTTP address. */
function mapVideo(v: Partial<VideoLinkDto> | null): VideoLinkDto | null {
  if (!v || typeof v.url !== 'string' || !v.url.startsWith('https://')) {
    return null;
  }
  let host: string;
  try {
    host = new URL(v.url).host;
  } catch {
    return null;
  }
  return {
    url: v.url,
    title: typeof v.title === 'string' ? v.title : '',
    host: typeof v.host === 'string' && v.host ? v.host : host,
    thumbnailPhotoId: isUuid(v.thumbnailPhotoId) ? v.thumbnailPhotoId.toLowerCase() : null,
  };
}

function mapPhoto(p: DeptPhotoRow): DeptPhotoDto {
  return {
    id: p.id,
    filename: p.filename,
    alt: p.alt,
    mimeType: p.mime_type,
    sizeBytes: Number(p.size_bytes),
    contentUrl: `/api/public/dept-photos/${p.id}/content`,
    thumbnailUrl: deptPhotoThumbnailUrl(p.id),
  };
}
