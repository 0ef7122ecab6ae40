import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** `2026-03-16T09-30-00-000Z-<uuid>.json`: the name `MailTransport` gives a mail it writes to disk. */
const WRITTEN_AT = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-/;

/** Where `MailTransport` writes the mails when no SMTP server is configured. */
export function devMailDir(dataDir: string): string {
  return join(dataDir, 'mail');
}

/**
 * The mails written to disk before `cutoff`, oldest first. Their time is the one in their name (the file's own
 * time changes when a directory is copied back from a backup); a file named otherwise goes by its modification time.
 */
export async function devMailsBefore(dir: string, cutoff: Date): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
  const dated = await Promise.all(
    names.map(async (name) => {
      const match = WRITTEN_AT.exec(name);
      const at = match ? Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`) : (await stat(join(dir, name))).mtimeMs;
      return { name, at };
    }),
  );
  return dated
    .filter((file) => file.at < cutoff.getTime())
    .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name))
    .map((file) => join(dir, file.name));
}

/** Deletes these files; one already gone (another instance, a person) counts as deleted. */
export async function deleteFiles(paths: string[]): Promise<number> {
  for (const path of paths) {
    await unlink(path).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== 'ENOENT') {
        throw error;
      }
    });
  }
  return paths.length;
}
