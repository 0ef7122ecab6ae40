import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  type CommuneFileDto,
  EFFORT_LABELS,
  type EffortScore,
  PROJECT_THEME_LABELS,
  type ProjectTheme,
  ROLE_LABELS,
  SATISFACTION_LABELS,
  type SatisfactionScore,
} from '@passerelle/shared/dto';
import { StatusChip } from '@passerelle/web/projects/ui-project';
import { ThreadStateChip } from '@passerelle/web/threads/ui-thread';
import {
  formatDate,
  formatDateTime,
  formatInhabitants,
  formatPostcodes,
} from '@passerelle/web/shared/util-format';
import {
  firstItems,
  formatAverageScore,
  otherThreads,
  satisfactionCountText,
  timelineLink,
  workspaceText,
} from './commune-file-view';
import { TimelineIcon } from './timeline-icon';

/** How many rows of each list show before "Afficher tout": the panel must stay short beside a thread. */
export const COMMUNE_FILE_LIMITS = { projects: 5, threads: 5, satisfaction: 3, timeline: 10 } as const;

type ExpandableList = keyof typeof COMMUNE_FILE_LIMITS;

let nextPanelId = 0;

/**
 * The commune's file as the département sees it: facts, members, projects, other questions, satisfaction and every
 * interaction, newest first. Presentational: the page around loads the file. Narrow by default (a ~360 px side
 * column beside a thread); with room enough (commune page), the timeline moves to a column of its own.
 */
@Component({
  selector: 'pas-commune-file-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, StatusChip, ThreadStateChip, TimelineIcon],
  templateUrl: './commune-file-panel.html',
  styleUrl: './commune-file-panel.scss',
})
export class CommuneFilePanel {
  readonly file = input.required<CommuneFileDto>();
  /** The thread the agent is reading, left out of "other threads". */
  readonly currentThreadId = input<string | null>(null);
  /** A link to the commune's page (`/departement/communes/:insee`); off on that page itself. */
  readonly fullFileLink = input(true);

  protected readonly id = `dossier-commune-${nextPanelId++}`;
  protected readonly limits = COMMUNE_FILE_LIMITS;
  private readonly expanded = signal<ReadonlySet<ExpandableList>>(new Set());

  protected readonly commune = computed(() => this.file().commune);
  protected readonly threads = computed(() => otherThreads(this.file().threads, this.currentThreadId()));
  protected readonly shownThreads = computed(() => this.cut('threads', this.threads()));
  protected readonly shownProjects = computed(() => this.cut('projects', this.file().projects));
  protected readonly shownAnswers = computed(() => this.cut('satisfaction', this.file().satisfaction.latest));
  protected readonly shownTimeline = computed(() => this.cut('timeline', this.file().timeline));
  protected readonly averageText = computed(() => formatAverageScore(this.file().satisfaction.average));
  protected readonly countText = computed(() => satisfactionCountText(this.file().satisfaction.count));
  /** Whole stars of the average, for the eye only (the text says the exact figure). */
  protected readonly stars = computed(() => {
    const full = Math.round(this.file().satisfaction.average ?? 0);
    return '★'.repeat(full) + '☆'.repeat(5 - full);
  });
  protected readonly workspace = computed(() => workspaceText(this.commune(), formatDate));

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly scoreLabels = SATISFACTION_LABELS;
  protected readonly when = formatDateTime;
  protected readonly day = formatDate;
  protected readonly inhabitants = formatInhabitants;
  protected readonly postcodes = formatPostcodes;
  protected readonly link = timelineLink;

  protected theme(theme: ProjectTheme): string {
    return PROJECT_THEME_LABELS[theme];
  }

  protected scoreLabel(score: SatisfactionScore): string {
    return this.scoreLabels[score];
  }

  protected effortLabel(effort: EffortScore): string {
    return EFFORT_LABELS[effort];
  }

  protected isExpanded(list: ExpandableList): boolean {
    return this.expanded().has(list);
  }

  protected toggle(list: ExpandableList): void {
    this.expanded.update((current) => {
      const next = new Set(current);
      if (!next.delete(list)) {
        next.add(list);
      }
      return next;
    });
  }

  private cut<T>(list: ExpandableList, items: readonly T[]): readonly T[] {
    return firstItems(items, this.limits[list], this.isExpanded(list));
  }
}
