import type { PublicDeptProjectDto } from '@passerelle/shared/dto';
import { type PageMetaTags, PRODUCT_NAME, shortenDescription } from '@passerelle/web/public/ui-public';

/** The page's tags, built like those of a commune's project page. */
export function deptProjectMeta(project: PublicDeptProjectDto, origin: string): PageMetaTags {
  const title = `${project.title} — Projet du Département`;
  const image = project.coverUrl;
  return {
    documentTitle: `${title} — ${PRODUCT_NAME}`,
    title,
    description: shortenDescription(project.summary || project.description || `Projet du Département ${project.departement.name}.`),
    url: new URL(`/projets-du-departement/${encodeURIComponent(project.slug)}`, origin).href,
    image: image ? new URL(image, origin).href : null,
  };
}
