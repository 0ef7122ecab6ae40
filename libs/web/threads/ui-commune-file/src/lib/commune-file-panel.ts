import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CommuneFileDto } from '@passerelle/shared/dto';

/** Placeholder while the panel is being built: the commune's file (facts, projects, threads, satisfaction, timeline). */
@Component({
  selector: 'lib-commune-file-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<p>{{ file().commune.name }}</p>',
})
export class CommuneFilePanel {
  readonly file = input.required<CommuneFileDto>();
  /** The thread the agent is reading, left out of "other threads". */
  readonly currentThreadId = input<string | null>(null);
}
