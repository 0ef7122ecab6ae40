/**
 * The address to put in `src` or `href`: the API's own when no record is given (public routes), else the record's
 * entry (a `blob:` URL the preview loaded with the token), `null` when it has none.
 */
export function displayableUrl(url: string, imageSrc: Readonly<Record<string, string>> | null): string | null {
  return imageSrc === null ? url : (imageSrc[url] ?? null);
}

/** `lavoir_avant-travaux.jpg` → `lavoir avant travaux`: the only description of a photo the fiche has. */
export function photoAlt(filename: string): string {
  const words = filename
    .replace(/\.[a-z0-9]{2,5}$/i, '')
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words || 'Photo du projet';
}
