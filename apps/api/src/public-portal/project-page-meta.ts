import { PROJECT_STATUS_LABELS, type PublicDeptProjectDto, type PublicProjectDto } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';

const DESCRIPTION_LENGTH = 200;

interface PageMeta {
  title: string;
  description: string;
  /** Address of the page, from the site's root. */
  path: string;
  /** Address of its image, from the site's root. */
  image: string | null;
  publishedAt: string;
}

/**
 * The front end's `index.html` with the title, description and Open Graph tags of one published project, so that
 * a link shared on a social network or in a messaging app shows the project (crawlers do not run the app).
 */
export function projectPageHtml(indexHtml: string, project: PublicProjectDto, publicUrl: string): string {
  const photo = project.photos[0];
  return pageHtml(indexHtml, publicUrl, {
    title: `${project.title} — ${project.commune.name}`,
    description: project.summary || project.description || `Projet réalisé par la commune ${ofPlace(project.commune.name)}.`,
    path: `/projets/${project.slug}`,
    image: photo ? (photo.thumbnailUrl ?? photo.contentUrl) : null,
    publishedAt: project.publishedAt,
  });
}

/** The same for a project of the département (`/projets-du-departement/:slug`), its cover from its latest report. */
export function deptProjectPageHtml(indexHtml: string, project: PublicDeptProjectDto, publicUrl: string): string {
  return pageHtml(indexHtml, publicUrl, {
    title: `${project.title} — Projet du Département`,
    description:
      project.summary ||
      project.description ||
      `Projet du Département (${project.departement.name}) : ${PROJECT_STATUS_LABELS[project.status].toLowerCase()}, avancement ${project.progress} %.`,
    path: `/projets-du-departement/${project.slug}`,
    image: project.coverUrl,
    publishedAt: project.publishedAt,
  });
}

function pageHtml(indexHtml: string, publicUrl: string, meta: PageMeta): string {
  const description = shorten(meta.description);
  const url = `${publicUrl}${meta.path}`;
  const image = meta.image ? `${publicUrl}${meta.image}` : null;
  const tags = [
    `<link rel="canonical" href="${attr(url)}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:locale" content="fr_FR" />`,
    `<meta property="og:site_name" content="Passerelle" />`,
    `<meta property="og:title" content="${attr(meta.title)}" />`,
    `<meta property="og:description" content="${attr(description)}" />`,
    `<meta property="og:url" content="${attr(url)}" />`,
    ...(image ? [`<meta property="og:image" content="${attr(image)}" />`, `<meta name="twitter:card" content="summary_large_image" />`] : []),
    `<meta property="article:published_time" content="${attr(meta.publishedAt)}" />`,
  ];
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, `<title>${text(meta.title)} · Passerelle</title>`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, `<meta name="description" content="${attr(description)}" />`)
    .replace('</head>', `    ${tags.join('\n    ')}\n  </head>`);
}

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= DESCRIPTION_LENGTH ? flat : `${flat.slice(0, DESCRIPTION_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}

function text(value: string): string {
  return value.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] as string);
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
