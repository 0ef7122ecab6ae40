import type { PublicProjectDto } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';

const DESCRIPTION_LENGTH = 200;

/**
 * The front end's `index.html` with the title, description and Open Graph tags of one published project, so that
 * a link shared on a social network or in a messaging app shows the project (crawlers do not run the app).
 */
export function projectPageHtml(indexHtml: string, project: PublicProjectDto, publicUrl: string): string {
  const title = `${project.title} — ${project.commune.name}`;
  const description = shorten(project.summary || project.description || `Projet réalisé par la commune ${ofPlace(project.commune.name)}.`);
  const url = `${publicUrl}/projets/${project.slug}`;
  const photo = project.photos[0];
  const image = photo ? `${publicUrl}${photo.thumbnailUrl ?? photo.contentUrl}` : null;
  const tags = [
    `<link rel="canonical" href="${attr(url)}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:locale" content="fr_FR" />`,
    `<meta property="og:site_name" content="Passerelle" />`,
    `<meta property="og:title" content="${attr(title)}" />`,
    `<meta property="og:description" content="${attr(description)}" />`,
    `<meta property="og:url" content="${attr(url)}" />`,
    ...(image ? [`<meta property="og:image" content="${attr(image)}" />`, `<meta name="twitter:card" content="summary_large_image" />`] : []),
    `<meta property="article:published_time" content="${attr(project.publishedAt)}" />`,
  ];
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, `<title>${text(title)} · Passerelle</title>`)
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
