import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, type Options, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { AidGrantImportRejectedLine, AidGrantImportScheme, ProjectTheme } from '@passerelle/shared/dto';
import { formatEuros } from '../engine/format';
import { fold } from './fold';
import { guessTheme } from './guess-theme';

/** The columns of the State's open-data file of DETR / DSIL grants. */
export type GrantColumn = 'project' | 'beneficiary' | 'departement' | 'cost' | 'grant' | 'year' | 'scheme';

/** How the columns are called in the messages, in the order they are listed. */
export const GRANT_COLUMN_LABELS: Readonly<Record<GrantColumn, string>> = {
  project: 'projet',
  beneficiary: 'bénéficiaire',
  departement: 'département',
  cost: 'coût total HT',
  grant: 'subvention accordée',
  year: 'année',
  scheme: 'dotation',
};

/** Without these a line says nothing of a rate; the beneficiary and the dotation are read when present. */
export const REQUIRED_GRANT_COLUMNS: readonly GrantColumn[] = ['project', 'departement', 'cost', 'grant', 'year'];

/** The rejected lines kept to be shown (the count covers all of them). */
export const REJECTED_LINES_KEPT = 50;

/** The first lines searched for the header (files exported from a spreadsheet often start with a title). */
const HEADER_SEARCH_LINES = 30;
const DELIMITERS = [';', '\t', ','] as const;
const MAX_PROJECT_LABEL = 500;
const MAX_BENEFICIARY = 200;
/** 10 billion euros, the simulator's own ceiling: anything larger is a misread amount. */
const MAX_AMOUNT_CENTS = 1_000_000_000_000;
const FIRST_YEAR = 2000;
/** The text is fed to the parser in slices, and the event loop gets a turn every so many records. */
export const SLICE_CHARACTERS = 64 * 1024;
const RECORDS_PER_TURN = 2_000;

export interface GrantFileOptions {
  /** The importing département: only its lines are kept. */
  departement: { code: string; name: string };
  /** The dotation chosen by the admin, for lines whose file has no dotation column (or leaves it empty). */
  scheme: AidGrantImportScheme;
  /** A year after the next one is a typo. */
  currentYear: number;
}

/** A kept line: the département's own, complete and consistent. */
export interface GrantFileRow {
  line: number;
  scheme: AidGrantImportScheme;
  year: number;
  projectLabel: string;
  beneficiary: string;
  costHtCents: number;
  grantCents: number;
  theme: ProjectTheme | null;
}

export interface GrantFileContent {
  kept: GrantFileRow[];
  otherDepartementCount: number;
  rejectedCount: number;
  /** The first `REJECTED_LINES_KEPT` rejected lines. */
  rejected: AidGrantImportRejectedLine[];
}

/** Why a file could not be read at all. */
export type GrantFileProblem =
  | { problem: 'NOT_TEXT' }
  /** `missing`: the required columns not found on the line that looked most like a header. */
  | { problem: 'NO_HEADER'; missing: GrantColumn[] }
  | { problem: 'MALFORMED'; line: number | null };

export type GrantFileResult = ({ ok: true } & GrantFileContent) | ({ ok: false } & GrantFileProblem);

interface CsvRecord {
  /** The file's line where the record ends (1-based). */
  line: number;
  cells: string[];
}

/**
 * Reads the open-data file of DETR / DSIL grants (« projet, bénéficiaire, département, coût total HT, subvention
 * accordée, année », optionally the dotation): text in UTF-8 (with or without BOM), UTF-16 with BOM, else
 * Windows-1252 as spreadsheets export it; `;`, tab or `,` separated; columns found by their names, whatever their
 * case, accents or spelling. Keeps the département's complete lines; counts other départements' lines; rejects the
 * others with a French reason.
 */
export async function readGrantFile(bytes: Buffer, options: GrantFileOptions): Promise<GrantFileResult> {
  const text = decodeText(bytes);
  if (text === null) {
    return { ok: false, problem: 'NOT_TEXT' };
  }
  const found = findHeader(text);
  if ('missing' in found) {
    return { ok: false, problem: 'NO_HEADER', missing: found.missing };
  }
  try {
    return { ok: true, ...(await readLines(streamRecords(text, found.delimiter, found.index + 1), found.columns, options)) };
  } catch (error) {
    if (error instanceof CsvError) {
      return { ok: false, problem: 'MALFORMED', line: lineOf(error) };
    }
    throw error;
  }
}

// --- Text --------------------------------------------------------------------------------------------------------

/** The file's text, or null when it is no text (a spreadsheet, a PDF, an image…). */
export function decodeText(bytes: Buffer): string | null {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes);
  } else {
    try {
      // The decoder drops a leading BOM.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: a spreadsheet's « CSV (séparateur point-virgule) » in Windows-1252 (a superset of Latin-1).
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  // Binary content (xlsx is a zip, xls an OLE file, PDFs and images) has NULs and other control characters early on.
  const head = text.slice(0, 8192);
  // eslint-disable-next-line no-control-regex
  const controls = head.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > 0 && (head.includes('\u0000') || controls > head.length / 100) ? null : text;
}

function csvOptions(delimiter: string): Options {
  return { delimiter, info: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 100_000 };
}

/** With `info`, csv-parse gives each record with where it ends. */
type ParsedRecord = { info: { lines: number }; record: string[] };

/** The first lines' records, at once (the header is searched there). */
function firstRecords(text: string, delimiter: string): CsvRecord[] {
  // A broken line further down is reported by the full reading, with its line number.
  const parsed = parseSync(text, { ...csvOptions(delimiter), to_line: HEADER_SEARCH_LINES, skip_records_with_error: true }) as unknown as ParsedRecord[];
  return parsed.map(({ info, record }) => ({ line: info.lines, cells: record }));
}

/**
 * The records from the `from`-th on (0-based), streamed: a whole year of a région is a few seconds of parsing, which
 * must not hold every other request back.
 */
async function* streamRecords(text: string, delimiter: string, from: number): AsyncGenerator<CsvRecord> {
  function* slices() {
    for (let start = 0; start < text.length; ) {
      let end = Math.min(start + SLICE_CHARACTERS, text.length);
      // Never between the two halves of a character outside the BMP.
      if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) {
        end--;
      }
      yield text.slice(start, end);
      start = end;
    }
  }
  let index = 0;
  for await (const { info, record } of Readable.from(slices()).pipe(parse(csvOptions(delimiter))) as AsyncIterable<ParsedRecord>) {
    if (index >= from) {
      yield { line: info.lines, cells: record };
    }
    if (++index % RECORDS_PER_TURN === 0) {
      await nextTurn();
    }
  }
}

function lineOf(error: CsvError): number | null {
  const lines = (error as CsvError & { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : null;
}

/** Control characters become spaces, runs of spaces one space (also the no-break ones), ends trimmed. */
function clean(value: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (value ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
}

// --- Header ------------------------------------------------------------------------------------------------------

type ColumnMap = Partial<Record<GrantColumn, number>>;

/**
 * The header: the first line, among the first ones, where every required column is found, with the separator
 * that finds it (`;` first, as French spreadsheets export). Otherwise the required columns missing from the line
 * that came closest.
 */
function findHeader(text: string): { delimiter: string; index: number; columns: ColumnMap } | { missing: GrantColumn[] } {
  let closest: GrantColumn[] = [...REQUIRED_GRANT_COLUMNS];
  for (const delimiter of DELIMITERS) {
    for (const [index, record] of firstRecords(text, delimiter).entries()) {
      const columns = matchColumns(record.cells);
      const missing = REQUIRED_GRANT_COLUMNS.filter((column) => columns[column] === undefined);
      if (missing.length === 0) {
        return { delimiter, index, columns };
      }
      if (missing.length < closest.length) {
        closest = missing;
      }
    }
  }
  return { missing: closest };
}

/** Ties between equally good matches go to the column first in this order, then to the leftmost header. */
const COLUMN_ORDER: readonly GrantColumn[] = ['cost', 'grant', 'year', 'departement', 'scheme', 'beneficiary', 'project'];

/** Each header's best use: the most certain matches are taken first, a header serves one column only. */
function matchColumns(headers: string[]): ColumnMap {
  const candidates: { column: GrantColumn; index: number; rank: number }[] = [];
  headers.forEach((header, index) => {
    const words = fold(header).split(' ').filter((word) => word !== '');
    if (words.length === 0 || words.length > 16) {
      return;
    }
    for (const column of COLUMN_ORDER) {
      const rank = RANKERS[column](new Set(words), words.join(' '));
      if (rank !== null) {
        candidates.push({ column, index, rank });
      }
    }
  });
  candidates.sort((a, b) => a.rank - b.rank || COLUMN_ORDER.indexOf(a.column) - COLUMN_ORDER.indexOf(b.column) || a.index - b.index);
  const columns: ColumnMap = {};
  const used = new Set<number>();
  for (const { column, index } of candidates) {
    if (columns[column] === undefined && !used.has(index)) {
      columns[column] = index;
      used.add(index);
    }
  }
  return columns;
}

const hasAny = (words: Set<string>, ...candidates: string[]) => candidates.some((word) => words.has(word));
const startsAny = (words: Set<string>, ...prefixes: string[]) => [...words].some((word) => prefixes.some((prefix) => word.startsWith(prefix)));

/**
 * How surely a header (its folded words) names a column: 0 best, null not at all. The exclusions keep the rate
 * (« taux de subvention »), the TTC cost and identifiers (« SIREN du bénéficiaire ») out of the columns read.
 */
const RANKERS: Record<GrantColumn, (words: Set<string>, text: string) => number | null> = {
  cost: (words, text) => {
    if (hasAny(words, 'taux', 'ttc', 'subvention') || startsAny(words, 'accord', 'attribu')) {
      return null;
    }
    if (words.has('cout')) {
      return hasAny(words, 'ht', 'total') ? 0 : 1;
    }
    if (words.has('montant') && words.has('ht')) {
      return 2;
    }
    if (/\b(depense|depenses|assiette) (eligible|eligibles|subventionnable|subventionnables)\b/.test(text) || words.has('assiette')) {
      return 3;
    }
    return null;
  },
  grant: (words) => {
    if (hasAny(words, 'taux', 'cout', 'type', 'nature', 'objet', 'date', 'numero', 'n', 'ttc')) {
      return null;
    }
    if (words.has('subvention') || words.has('subventions')) {
      return 0;
    }
    const granted = startsAny(words, 'accord', 'attribu', 'notifi', 'allou');
    if (words.has('montant') && (granted || hasAny(words, 'detr', 'dsil', 'dotation', 'aide'))) {
      return 1;
    }
    return granted && hasAny(words, 'detr', 'dsil', 'dotation', 'aide') ? 2 : null;
  },
  year: (words) => {
    if (hasAny(words, 'annee', 'exercice', 'millesime')) {
      return 0;
    }
    return words.has('an') && words.size <= 2 ? 1 : null;
  },
  departement: (words) => {
    if (!hasAny(words, 'departement', 'dept', 'dep', 'dpt', 'departements')) {
      return null;
    }
    return hasAny(words, 'code', 'num', 'numero', 'n', 'no') ? 0 : 1;
  },
  scheme: (words) => {
    if (hasAny(words, 'montant', 'cout', 'taux', 'date') || startsAny(words, 'accord', 'attribu')) {
      return null;
    }
    if (hasAny(words, 'dotation', 'dispositif')) {
      return 0;
    }
    return words.has('type') && hasAny(words, 'subvention', 'aide', 'financement') ? 1 : null;
  },
  beneficiary: (words) => {
    if (hasAny(words, 'siren', 'siret', 'code', 'insee', 'type', 'categorie', 'nature', 'population', 'nombre', 'departement')) {
      return null;
    }
    if (startsAny(words, 'beneficiaire')) {
      return 0;
    }
    if (hasAny(words, 'porteur', 'collectivite', 'demandeur') || (words.has('maitre') && words.has('ouvrage'))) {
      return 1;
    }
    return words.has('commune') ? 2 : null;
  },
  project: (words) => {
    const excluded = ['cout', 'montant', 'taux', 'code', 'categorie', 'type', 'nature', 'date', 'numero', 'n', 'id', 'identifiant', 'annee',
      'porteur', 'beneficiaire', 'maitre', 'demandeur', 'collectivite', 'commune', 'departement', 'dep', 'theme', 'thematique', 'secteur',
      'domaine', 'statut', 'etat', 'localisation', 'lieu', 'adresse'];
    if (hasAny(words, ...excluded)) {
      return null;
    }
    if (hasAny(words, 'intitule', 'libelle', 'projet', 'objet', 'designation')) {
      return 0;
    }
    return hasAny(words, 'operation', 'description') ? 1 : null;
  },
};

// --- Lines -------------------------------------------------------------------------------------------------------

class Rejected extends Error {}

async function readLines(records: AsyncIterable<CsvRecord>, columns: ColumnMap, options: GrantFileOptions): Promise<GrantFileContent> {
  const content: GrantFileContent = { kept: [], otherDepartementCount: 0, rejectedCount: 0, rejected: [] };
  const target = { code: departementCode(options.departement.code) ?? options.departement.code, name: fold(options.departement.name) };
  for await (const { line, cells } of records) {
    if (cells.every((cell) => clean(cell) === '')) {
      continue;
    }
    const cell = (column: GrantColumn) => {
      const index = columns[column];
      return index === undefined ? '' : clean(cells[index]);
    };
    try {
      const departement = cell('departement');
      if (departement === '') {
        throw new Rejected('Département manquant.');
      }
      if (!isDepartement(departement, target)) {
        content.otherDepartementCount++;
        continue;
      }
      content.kept.push(readLine(line, cell, options));
    } catch (error) {
      if (!(error instanceof Rejected)) {
        throw error;
      }
      content.rejectedCount++;
      if (content.rejected.length < REJECTED_LINES_KEPT) {
        content.rejected.push({ line, reason: error.message });
      }
    }
  }
  return content;
}

/** A line of the département, or the reason it cannot count. */
function readLine(line: number, cell: (column: GrantColumn) => string, options: GrantFileOptions): GrantFileRow {
  const scheme = schemeOf(cell('scheme'), options.scheme);
  const year = yearOf(cell('year'), options.currentYear);
  const costHtCents = amountOf(cell('cost'), 'Coût total HT', 'manquant');
  if (costHtCents === 0) {
    throw new Rejected('Coût total HT nul.');
  }
  const grantCents = amountOf(cell('grant'), 'Subvention accordée', 'manquante');
  if (grantCents > costHtCents) {
    throw new Rejected(`Subvention accordée (${formatEuros(grantCents)}) supérieure au coût total HT (${formatEuros(costHtCents)}).`);
  }
  const projectLabel = cell('project').slice(0, MAX_PROJECT_LABEL).trim();
  if (projectLabel === '') {
    throw new Rejected('Intitulé du projet manquant.');
  }
  return {
    line,
    scheme,
    year,
    projectLabel,
    beneficiary: cell('beneficiary').slice(0, MAX_BENEFICIARY).trim(),
    costHtCents,
    grantCents,
    theme: guessTheme(projectLabel),
  };
}

/** A value quoted in a message, shortened. */
function quoted(value: string): string {
  return `« ${value.length > 40 ? `${value.slice(0, 39)}…` : value} »`;
}

/** The dotation column, when it says which: DETR and DSIL only, others are not imported. */
function schemeOf(value: string, chosen: AidGrantImportScheme): AidGrantImportScheme {
  if (value === '') {
    return chosen;
  }
  const text = fold(value);
  if (/\bdetr\b/.test(text) || text.includes('equipement des territoires ruraux')) {
    return 'DETR';
  }
  if (/\bdsil\b/.test(text) || text.includes('soutien a l investissement local')) {
    return 'DSIL';
  }
  throw new Rejected(`Dotation ${quoted(value)} : seules la DETR et la DSIL sont importées.`);
}

/** « 2024 », « 2024.0 », or a date (« 14/03/2024 », « 2024-03-14 »). */
function yearOf(value: string, currentYear: number): number {
  if (value === '') {
    throw new Rejected('Année manquante.');
  }
  const match = /^(\d{4})(?:[.,]0+)?$/.exec(value) ?? /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})\b/.exec(value) ?? /^(\d{4})-\d{2}-\d{2}\b/.exec(value);
  const year = match ? Number(match[1]) : NaN;
  if (!(year >= FIRST_YEAR && year <= currentYear + 1)) {
    throw new Rejected(`Année invalide : ${quoted(value)}.`);
  }
  return year;
}

/** An amount in cents, or the reason it cannot be read (`what` names the column, `missing` its agreement). */
function amountOf(value: string, what: string, missing: string): number {
  if (value === '' || value === '-') {
    throw new Rejected(`${what} ${missing}.`);
  }
  const cents = parseEuros(value);
  if (cents === null) {
    throw new Rejected(`${what} illisible : ${quoted(value)}.`);
  }
  if (cents > MAX_AMOUNT_CENTS) {
    throw new Rejected(`${what} trop élevé : ${quoted(value)}.`);
  }
  return cents;
}

/**
 * French and other spellings of an amount in euros, to cents: « 180 000,00 € », « 180000.5 », « 1.234.567,89 »,
 * « 180 000 » with no-break or narrow spaces. A single separator followed by exactly three digits groups thousands
 * (« 180.000 », « 180,000 »): no amount of these files has three decimals. Null when it is no amount (negative
 * amounts included).
 */
export function parseEuros(value: string): number | null {
  const compact = value
    .replace(/\s|['’]/g, '')
    .replace(/€|eur(?:os?)?$/gi, '');
  if (!/^\d[\d.,]*$/.test(compact)) {
    return null;
  }
  const dots = compact.split('.').length - 1;
  const commas = compact.split(',').length - 1;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    const decimal = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    const [whole, fraction, ...rest] = compact.split(decimal);
    if (rest.length > 0) {
      return null;
    }
    normalized = `${whole.replace(/[.,]/g, '')}.${fraction}`;
  } else if (dots + commas === 0) {
    normalized = compact;
  } else {
    const separator = dots > 0 ? '.' : ',';
    const parts = compact.split(separator);
    const grouping = parts.length > 2 || parts[1].length === 3;
    if (grouping && !parts.slice(1).every((part) => part.length === 3)) {
      return null;
    }
    normalized = grouping ? parts.join('') : `${parts[0]}.${parts[1]}`;
  }
  if (!/^\d+(\.\d*)?$/.test(normalized)) {
    return null;
  }
  const [whole, fraction = ''] = normalized.split('.');
  // Whole cents from the digits (never a float product), the rest rounded half up.
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0')) + (Number(fraction[2] ?? '0') >= 5 ? 1 : 0);
  return Number.isSafeInteger(cents) ? cents : null;
}

// --- Départements ------------------------------------------------------------------------------------------------

/** « 95 », « 095 » → `95`; « 1 » → `01`; « 2a » → `2A`; « 971 » → `971`; null when it is no code. */
export function departementCode(value: string): string | null {
  const text = value.trim().toUpperCase();
  if (/^2\s?[AB]$/.test(text)) {
    return text.replace(/\s/g, '');
  }
  if (!/^\d{1,3}$/.test(text)) {
    return null;
  }
  const number = Number(text);
  if (number === 0) {
    return null;
  }
  return number < 100 ? String(number).padStart(2, '0') : String(number);
}

/** A code (« 95 », « 095 », « 2A »), a name (« Val-d’Oise »), or both (« 95 - Val-d’Oise », « Val-d’Oise (95) »). */
function isDepartement(value: string, target: { code: string; name: string }): boolean {
  const text = fold(value);
  const words = text.split(' ');
  const code = departementCode(words[0]);
  if (code !== null) {
    return code === target.code;
  }
  const last = departementCode(words[words.length - 1]);
  if (last !== null) {
    return last === target.code;
  }
  return text === target.name;
}
