import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, untracked } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Meta, Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { PublicProjectDto } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { PublicProjectsApi } from '@passerelle/web/public/data-access';
import { PublicProjectCard, PublicProjectView } from '@passerelle/web/public/ui-public';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { catchError, of } from 'rxjs';
import { PRODUCT_NAME, projectMeta, type ProjectMeta, SITE_DESCRIPTION } from './project-meta';

/** The tags this page sets, and the ones the server adds for crawlers, all removed when the visitor leaves. */
const OWN_TAGS = [
  'property="og:type"',
  'property="og:title"',
  'property="og:description"',
  'property="og:url"',
  'property="og:image"',
  'property="og:locale"',
  'property="og:site_name"',
  'property="article:published_time"',
  'name="twitter:card"',
] as const;

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
  private readonly meta = inject(Meta);
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
          this.showMeta(project);
          this.countVisit(project.slug);
        });
      } else if (this.notFound()) {
        untracked(() => {
          this.title.setTitle(`Projet non publié — ${PRODUCT_NAME}`);
          this.clearMeta();
        });
      }
    });
    inject(DestroyRef).onDestroy(() => this.clearMeta());
  }

  private countVisit(slug: string): void {
    if (this.counted === slug) {
      return;
    }
    this.counted = slug;
    // A lost count is no reason to bother the visitor.
    this.api.recordView(slug).subscribe({ error: () => undefined });
  }

  private showMeta(project: PublicProjectDto): void {
    const tags: ProjectMeta = projectMeta(project, this.document.location.origin);
    this.title.setTitle(tags.documentTitle);
    this.meta.updateTag({ name: 'description', content: tags.description });
    this.meta.updateTag({ property: 'og:type', content: 'article' });
    this.meta.updateTag({ property: 'og:title', content: tags.title });
    this.meta.updateTag({ property: 'og:description', content: tags.description });
    this.meta.updateTag({ property: 'og:url', content: tags.url });
    if (tags.image) {
      this.meta.updateTag({ property: 'og:image', content: tags.image });
    } else {
      this.meta.removeTag('property="og:image"');
      this.meta.removeTag('name="twitter:card"');
    }
    this.canonical(tags.url);
  }

  /** Back to the site's own description; nothing of the project left for the next page. */
  private clearMeta(): void {
    this.meta.updateTag({ name: 'description', content: SITE_DESCRIPTION });
    for (const selector of OWN_TAGS) {
      this.meta.removeTag(selector);
    }
    this.canonical(null);
  }

  private canonical(url: string | null): void {
    let link = this.document.head.querySelector<HTMLLinkElement>('link[rel="canonical"]');
    if (url === null) {
      link?.remove();
      return;
    }
    if (!link) {
      link = this.document.createElement('link');
      link.rel = 'canonical';
      this.document.head.appendChild(link);
    }
    link.href = url;
  }
}
