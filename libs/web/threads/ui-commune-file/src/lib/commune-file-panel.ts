import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder while the page is being built. */
@Component({
  selector: 'lib-commune-file-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<p>Bientôt disponible.</p>',
})
export class CommuneFilePanel {}
