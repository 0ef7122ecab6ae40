import { createHash } from 'node:crypto';

/**
 * The version of what would go online: a SHA-256 of the snapshot in canonical JSON (object keys sorted, so the order
 * PostgreSQL gives `jsonb` keys does not matter). It changes with anything the public would see — fiche, chosen
 * photos and documents, funding shown — and only then: an edit of a private field (evaluation, partners…) keeps it.
 */
export function previewVersion(snapshot: object): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
