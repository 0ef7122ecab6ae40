import { buildSimulationCsv, csvAmount, simulationCsvFileName } from './simulation-csv';
import { simulationLine, simulationResult } from './testing/simulation-fixtures';

describe('buildSimulationCsv', () => {
  const csv = buildSimulationCsv(simulationResult());
  const rows = csv.slice(1).split('\r\n');

  it('starts with a BOM and ends every row with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes one row per scheme with decimal commas and semicolons', () => {
    expect(rows[0].split(';')).toHaveLength(11);
    expect(rows[1]).toBe(
      'DETR;Dotation d’équipement des territoires ruraux;État;oui;HT;180000,50;36000,10;;72000,20;72000,20;' +
        'Commune de 1 108 habitants : moins de 20 000 habitants.',
    );
    // The separator inside a name is quoted, and quotes are doubled.
    expect(rows[2]).toMatch(/^LEADER;"Programme LEADER; « Europe »";Europe;non;/);
  });

  it('adds the totals of the plan after the schemes', () => {
    const totals = rows.slice(3, -1);
    expect(totals.map((row) => row.split(';')[0])).toEqual([
      'Dépense éligible HT',
      'Total des aides publiques',
      'Financements privés',
      'Part de la commune',
      'FCTVA (versé en 2027)',
      'Trésorerie à avancer',
      'Coût net pour la commune',
    ]);
    expect(totals[1].split(';')[9]).toBe('72000,20');
    expect(rows.at(-1)).toBe('');
  });

  it('neutralises a cell that a spreadsheet would run as a formula', () => {
    const csvWithFormula = buildSimulationCsv(simulationResult({ lines: [simulationLine({ schemeName: '=HYPERLINK("x")' })] }));
    expect(csvWithFormula).toContain(';"\'=HYPERLINK(""x"")";');
  });

  it('leaves the cells of amounts not estimated empty', () => {
    expect(csvAmount(null)).toBe('');
    expect(csvAmount(5)).toBe('0,05');
    expect(simulationCsvFileName(simulationResult())).toBe('simulation-95002-2026-03-14.csv');
  });
});
