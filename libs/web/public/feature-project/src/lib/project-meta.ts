import type { PublicProjectDto } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { type PageMetaTags, PRODUCT_NAME, shortenDescription } from '@passerelle/web/public/ui-public';

/** The page's tags, the same as the server writes for crawlers (`project-page-meta.ts` of the API). */
export function projectMeta(project: PublicProjectDto, origin: string): PageMetaTags {
  const title = `${project.title} — ${project.commune.name}`;
  const photo = project.photos[0];
  const image = photo ? (photo.thumbnailUrl ?? photo.contentUrl) : null;
  return {
    documentTitle: `${title} — ${PRODUCT_NAME}`,
    title,
    description: shortenDescription(
      project.summary || project.description || `Projet réalisé par la commune ${ofPlace(project.commune.name)}.`,
    ),
    url: new URL(`/projets/${encodeURIComponent(project.slug)}`, origin).href,
    image: image ? new URL(image, origin).href : null,
  };
}
