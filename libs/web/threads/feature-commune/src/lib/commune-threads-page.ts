import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder while the page is being built. */
@Component({
  selector: 'lib-commune-threads-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<p>Bientôt disponible.</p>',
})
export class CommuneThreadsPage {}
