import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ACCESSIBILITY_STATUS } from '@passerelle/shared/dto';
import { PageToc, type TocEntry } from './page-toc';

/** `/accessibilite`: the accessibility statement (déclaration d'accessibilité), after the RGAA 4.1 model. */
@Component({
  selector: 'pas-accessibility-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageToc],
  templateUrl: './accessibility-page.html',
  styleUrl: './content-page.scss',
})
export class AccessibilityPage {
  protected readonly status = ACCESSIBILITY_STATUS;
  /** The address of this installation, which the statement applies to. */
  protected readonly site = inject(DOCUMENT).location?.origin ?? '';

  protected readonly toc: readonly TocEntry[] = [
    { id: 'etat', label: 'État de conformité' },
    { id: 'resultats', label: 'Résultats des tests' },
    { id: 'non-accessibles', label: 'Contenus non accessibles' },
    { id: 'etablissement', label: 'Établissement de cette déclaration' },
    { id: 'contact', label: "Retour d’information et contact" },
    { id: 'recours', label: 'Voies de recours' },
  ];
}
