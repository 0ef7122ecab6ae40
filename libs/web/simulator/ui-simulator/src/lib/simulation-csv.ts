import { FUNDER_LABELS, type SimulationResult } from '@passerelle/shared/dto';

const SEPARATOR = ';';
const NEWLINE = '\r\n';
/** Excel reads a file without it as Windows-1252 and mangles the accents. */
const BOM = '\uFEFF';

const HEADER = [
  'Dispositif',
  'Nom',
  'Financeur',
  'Éligible',
  'Assiette',
  'Montant de l’assiette (€)',
  'Minimum (€)',
  'Typique (€)',
  'Maximum (€)',
  'Retenu (€)',
  'Raisons',
];

/**
 * The result as a spreadsheet the way French Excel and LibreOffice open it without an import dialog: BOM, `;` between
 * cells, CRLF, decimal comma without thousands separator (a grouping space would make the cell text). One row per
 * scheme, then the totals of the plan in the « Retenu » column.
 */
export function buildSimulationCsv(result: SimulationResult): string {
  const rows: string[][] = [HEADER];
  for (const line of result.lines) {
    rows.push([
      line.schemeCode,
      line.schemeName,
      FUNDER_LABELS[line.funder],
      line.eligible ? 'oui' : 'non',
      line.base,
      csvAmount(line.baseCents),
      csvAmount(line.minCents),
      csvAmount(line.typicalCents),
      csvAmount(line.maxCents),
      csvAmount(line.retainedCents),
      line.reasons.join(' ; '),
    ]);
  }
  const totals = result.plan.totals;
  const total = (label: string, cents: number | null): string[] => [label, '', '', '', '', '', '', '', '', csvAmount(cents), ''];
  rows.push(
    total('Dépense éligible HT', totals.costCents),
    total('Total des aides publiques', totals.publicAidCents),
    total('Financements privés', totals.privateFundingCents),
    total('Part de la commune', totals.communeShareCents),
    total(totals.fctvaYear ? `FCTVA (versé en ${totals.fctvaYear})` : 'FCTVA', totals.fctvaCents),
    total('Trésorerie à avancer', totals.cashAdvanceCents),
    total('Coût net pour la commune', totals.netCostCents),
  );
  return BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR)).join(NEWLINE) + NEWLINE;
}

/** `1800050` → `18000,50`; no amount → an empty cell. */
export function csvAmount(cents: number | null): string {
  if (cents === null) {
    return '';
  }
  const euros = Math.trunc(cents / 100);
  const rest = String(Math.abs(cents % 100)).padStart(2, '0');
  return `${euros},${rest}`;
}

/**
 * Quotes a cell holding the separator, a quote or a line break. A cell starting like a formula gets an apostrophe:
 * scheme names are typed by administrators, and a spreadsheet would otherwise run `=…` (CSV injection).
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `simulation-95002-2026-03-14.csv`. */
export function simulationCsvFileName(result: SimulationResult): string {
  return `simulation-${result.communeInsee}-${result.date}.csv`;
}
