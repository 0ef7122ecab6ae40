import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DeptPhotoDto, PublicDeptReportDto, VideoLinkDto } from '@passerelle/shared/dto';
import { formatCalendarDay } from '@passerelle/web/shared/util-format';

/** Only links that cannot run script: `https:` ones (the API accepts nothing else, this is the browser's guard). */
export function safeVideoUrl(url: string): string | null {
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The progress timeline of a project of the département: its published reports, newest first. A video is a link to
 * its host, never an embedded player (no third-party content loaded without consent), with a photo of the report
 * as its thumbnail or a drawn « play » sign.
 */
@Component({
  selector: 'pas-dept-report-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dept-report-timeline.html',
  styleUrl: './dept-report-timeline.scss',
})
export class DeptReportTimeline {
  readonly reports = input.required<readonly PublicDeptReportDto[]>();

  protected readonly entries = computed(() =>
    this.reports().map((report) => ({
      report,
      videos: report.videos
        .map((video) => ({ video, href: safeVideoUrl(video.url), thumbnail: thumbnailOf(video, report.photos) }))
        .filter((v) => v.href !== null),
    })),
  );
  protected readonly day = formatCalendarDay;
}

function thumbnailOf(video: VideoLinkDto, photos: readonly DeptPhotoDto[]): DeptPhotoDto | null {
  return video.thumbnailPhotoId ? (photos.find((photo) => photo.id === video.thumbnailPhotoId) ?? null) : null;
}
