import type { PublicProjectDto } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';

export const PRODUCT_NAME = 'Passerelle';
/** The description of `index.html`, put back when the visitor leaves a project's page. */
export const SITE_DESCRIPTION = 'Passerelle, le portail entre le département et ses petites communes.';

const DESCRIPTION_LENGTH = 200;

export interface ProjectMeta {
  /** The tab's title. */
  documentTitle: string;
  /** `og:title`. */
  title: string;
  description: string;
  /** Absolute address of the page. */
  url: string;
  /** Absolute address of the first photo's thumbnail, if any. */
  image: string | null;
}

/** The page's tags, the same as the server writes for crawlers (`project-page-meta.ts` of the API). */
export function projectMeta(project: PublicProjectDto, origin: string): ProjectMeta {
  const title = `${project.title} — ${project.commune.name}`;
  const photo = project.photos[0];
  const image = photo ? (photo.thumbnailUrl ?? photo.contentUrl) : null;
  return {
    documentTitle: `${title} — ${PRODUCT_NAME}`,
    title,
    description: shorten(
      project.summary || project.description || `Projet réalisé par la commune ${ofPlace(project.commune.name)}.`,
    ),
    url: new URL(`/projets/${encodeURIComponent(project.slug)}`, origin).href,
    image: image ? new URL(image, origin).href : null,
  };
}

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= DESCRIPTION_LENGTH ? flat : `${flat.slice(0, DESCRIPTION_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}
