/** Where documents, photos and thumbnails live when the instances share an S3-compatible object store. */
export interface S3Config {
  bucket: string;
  /** `null`: Amazon S3 itself, found from the region. */
  endpoint: string | null;
  region: string;
  /** Both or neither: without them the SDK's own chain is used (environment, instance role…). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** `bucket` in the path (Garage, SeaweedFS…) rather than in the host name (Amazon S3). */
  forcePathStyle: boolean;
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const;

/**
 * The `S3_*` variables: all absent means the local disk (`STORAGE_DIR`). Any of them without `S3_BUCKET` is a
 * mistake worth stopping for (a typo would otherwise store everything on one instance's disk).
 */
export function readS3Config(env: Record<string, string | undefined>, problems: string[]): S3Config | null {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
  const bucket = value('S3_BUCKET');
  if (bucket === undefined) {
    const stray = S3_VARIABLES.filter((name) => value(name) !== undefined);
    if (stray.length > 0) {
      problems.push(`S3_BUCKET : obligatoire quand ${stray.join(', ')} ${stray.length > 1 ? 'sont renseignées' : 'est renseignée'} (sinon, retirez-les pour garder le stockage local)`);
    }
    return null;
  }
  const before = problems.length;
  // The rules of Amazon S3, which the S3-compatible servers follow too.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    problems.push(`S3_BUCKET : nom de seau invalide, 3 à 63 caractères parmi a-z, 0-9, « . » et « - » (valeur reçue : « ${bucket} »)`);
  }
  const region = value('S3_REGION');
  if (region === undefined) {
    problems.push('S3_REGION : obligatoire avec S3_BUCKET (par exemple « garage », « us-east-1 » ou « fr-par » selon le fournisseur)');
  }
  const endpoint = value('S3_ENDPOINT') ?? null;
  if (endpoint !== null) {
    let protocol: string | null = null;
    try {
      protocol = new URL(endpoint).protocol;
    } catch {
      protocol = null;
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      problems.push(`S3_ENDPOINT : URL http://… ou https://… attendue (valeur reçue : « ${endpoint} »)`);
    }
  }
  const accessKeyId = value('S3_ACCESS_KEY_ID');
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    problems.push('S3_ACCESS_KEY_ID et S3_SECRET_ACCESS_KEY : renseignez les deux, ou aucune des deux');
  }
  const pathStyle = value('S3_FORCE_PATH_STYLE')?.toLowerCase();
  let forcePathStyle = endpoint !== null;
  if (pathStyle !== undefined) {
    if (['true', '1', 'yes', 'oui'].includes(pathStyle)) {
      forcePathStyle = true;
    } else if (['false', '0', 'no', 'non'].includes(pathStyle)) {
      forcePathStyle = false;
    } else {
      problems.push(`S3_FORCE_PATH_STYLE : doit valoir true ou false (valeur reçue : « ${pathStyle} »)`);
    }
  }
  if (problems.length > before || region === undefined) {
    return null;
  }
  return {
    bucket,
    endpoint: endpoint?.replace(/\/+$/, '') ?? null,
    region,
    credentials: accessKeyId !== undefined && secretAccessKey !== undefined ? { accessKeyId, secretAccessKey } : null,
    forcePathStyle,
  };
}
