/**
 * "Firefox sur Windows" from a full user-agent string: enough for someone to recognise their own devices in the
 * list of sessions. Order matters: Edge and Opera also claim to be Chrome, and Chrome claims to be Safari.
 */
export function formatUserAgent(userAgent: string | null): string {
  if (!userAgent) {
    return 'Appareil inconnu';
  }
  const browser =
    match(userAgent, [
      [/Edg(e|A|iOS)?\//, 'Edge'],
      [/OPR\/|Opera/, 'Opera'],
      [/Firefox\/|FxiOS\//, 'Firefox'],
      [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ]) ?? 'Navigateur inconnu';
  const system = match(userAgent, [
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Android/, 'Android'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ]);
  return system ? `${browser} sur ${system}` : browser;
}

function match(value: string, patterns: readonly (readonly [RegExp, string])[]): string | null {
  return patterns.find(([pattern]) => pattern.test(value))?.[1] ?? null;
}
