import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';
import { Meta, Title } from '@angular/platform-browser';

export const PRODUCT_NAME = 'Passerelle';
/** The description of `index.html`, put back when the visitor leaves a project's page. */
export const SITE_DESCRIPTION = 'Passerelle, le portail entre le département et ses petites communes.';

const DESCRIPTION_LENGTH = 200;

/** What a public page says of itself: the tab's title, and the Open Graph tags of a shared link. */
export interface PageMetaTags {
  /** The tab's title. */
  documentTitle: string;
  /** `og:title`. */
  title: string;
  description: string;
  /** Absolute address of the page (also its canonical link). */
  url: string;
  /** Absolute address of an image (a photo's thumbnail), if any. */
  image: string | null;
}

/** The tags a project page sets, and the ones the server adds for crawlers, all removed when the visitor leaves. */
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

/** A description for `<meta name="description">`: one line, at most 200 characters, cut between words. */
export function shortenDescription(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= DESCRIPTION_LENGTH ? flat : `${flat.slice(0, DESCRIPTION_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * The title, description, Open Graph tags and canonical link of the public project pages (communes' and the
 * département's), as the server writes them for crawlers into the first HTML.
 */
@Injectable({ providedIn: 'root' })
export class PageMeta {
  private readonly title = inject(Title);
  private readonly meta = inject(Meta);
  private readonly document = inject(DOCUMENT);

  show(tags: PageMetaTags): void {
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
  clear(): void {
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
