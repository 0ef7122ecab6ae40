/**
 * A video link a report may carry: never embedded (no third-party content without consent), shown as a link with
 * a thumbnail. Only `https`, and only a PeerTube video page (`/w/<id>`, `/videos/watch/<id>`) or a page of one of the
 * département's own hosts (`VIDEO_HOSTS`): YouTube and other platforms are refused.
 */
const PEERTUBE_PATH = /^\/(?:w|videos\/watch)\/[A-Za-z0-9_-]{1,64}\/?$/;

/** The host to show next to the link, or `null` when the address is not accepted. */
export function acceptedVideoHost(url: string, ownHosts: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  if (ownHosts.includes(host) || PEERTUBE_PATH.test(parsed.pathname)) {
    return host;
  }
  return null;
}

export const VIDEO_LINK_MESSAGE =
  'Lien vidéo refusé : une adresse https d’une vidéo PeerTube (…/w/… ou …/videos/watch/…) ou de l’hébergeur vidéo du Département. ' +
  'Les vidéos YouTube et des autres plateformes ne sont pas acceptées (pas de contenu tiers sans consentement).';
