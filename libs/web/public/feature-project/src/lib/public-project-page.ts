import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, untracked } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ofPlace } from '@passerelle/shared/util-french';
import { PublicProjectsApi } from '@passerelle/web/public/data-access';
import { PageMeta, PRODUCT_NAME, PublicProjectCard, PublicProjectView } from '@passerelle/web/public/ui-public';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { catchError, of } from 'rxjs';
import { projectMeta } from './project-meta';


/**
 * `/projets/:slug`: the public fiche of a published project, then similar projects. Sets the tab's title, the
 * description and the Open Graph tags (for links shared from the app; the server writes the same ones into the first
 * HTML for crawlers) and counts one consultation per visit.
 */
@Component({
  selector: 'pas-public-project-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, PublicProjectView, PublicProjectCard],
  templateUrl: './public-project-page.html',
  styleUrl: './public-project-page.scss',
})
export class PublicProjectPage {
  protected readonly ofPlace = ofPlace;
  /** From the route. */
  readonly slug = input.required<string>();

  private readonly api = inject(PublicProjectsApi);
  private readonly title = inject(Title);
  private readonly pageMeta = inject(PageMeta);
  private readonly document = inject(DOCUMENT);

  protected readonly config = toSignal(inject(PublicConfig).load().pipe(catchError(() => of(null))));

  protected readonly project = rxResource({
    params: () => this.slug(),
    stream: ({ params }) => this.api.get(params),
  });
  /** Similar projects are a bonus: when they fail to load, the section is simply not shown. */
  protected readonly similar = rxResource({
    params: () => (this.project.hasValue() ? this.project.value().slug : undefined),
    stream: ({ params }) => this.api.similar(params).pipe(catchError(() => of([]))),
  });
  protected readonly similarList = computed(() => (this.similar.hasValue() ? this.similar.value() : []));

  protected readonly notFound = computed(() => (this.project.error() as { status?: unknown } | undefined)?.status === 404);
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.project.error(), 'Impossible de charger ce projet. Vérifiez votre connexion puis réessayez.'),
  );

  /** The slug whose visit was counted: a retry or a change detection must not count it twice. */
  private counted: string | null = null;

  constructor() {
    effect(() => {
      if (this.project.hasValue()) {
        const project = this.project.value();
        untracked(() => {
          this.pageMeta.show(projectMeta(project, this.document.location.origin));
          this.countVisit(project.slug);
        });
      } else if (this.notFound()) {
        untracked(() => {
          this.title.setTitle(`Projet non publié — ${PRODUCT_NAME}`);
          this.pageMeta.clear();
        });
      }
    });
    inject(DestroyRef).onDestroy(() => this.pageMeta.clear());
  }

  private countVisit(slug: string): void {
    if (this.counted === slug) {
      return;
    }
    this.counted = slug;
    // A lost count is no reason to bother the visitor.
    this.api.recordView(slug).subscribe({ error: () => undefined });
  }
}
