import type { PublicDeptProjectDto } from '@passerelle/shared/dto';

export const PRODUCT_NAME = 'Passerelle';
/** The description of `index.html`, put back when the visitor leaves the page. */
export const SITE_DESCRIPTION = 'Passerelle, le portail entre le département et ses petites communes.';

const DESCRIPTION_LENGTH = 200;

export interface DeptProjectMeta {
  documentTitle: string;
  title: string;
  description: string;
  url: string;
  image: string | null;
}

/** The page's tags, built like those of a commune's project page. */
export function deptProjectMeta(project: PublicDeptProjectDto, origin: string): DeptProjectMeta {
  const title = `${project.title} — Projet du Département`;
  const image = project.coverUrl;
  return {
    documentTitle: `${title} — ${PRODUCT_NAME}`,
    title,
    description: shorten(project.summary || project.description || `Projet du Département ${project.departement.name}.`),
    url: new URL(`/projets-du-departement/${encodeURIComponent(project.slug)}`, origin).href,
    image: image ? new URL(image, origin).href : null,
  };
}

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= DESCRIPTION_LENGTH ? flat : `${flat.slice(0, DESCRIPTION_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}
