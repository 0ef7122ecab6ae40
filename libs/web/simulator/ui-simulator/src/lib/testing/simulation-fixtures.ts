import type { SimulationLine, SimulationResult } from '@passerelle/shared/dto';
import { SIMULATION_ESTIMATE_NOTICE } from '@passerelle/shared/dto';

export function simulationLine(overrides: Partial<SimulationLine> = {}): SimulationLine {
  return {
    versionId: 'v-detr',
    schemeId: 's-detr',
    schemeCode: 'DETR',
    schemeName: 'Dotation d’équipement des territoires ruraux',
    funder: 'ETAT',
    illustrative: false,
    eligible: true,
    reasons: ['Commune de 1 108 habitants : moins de 20 000 habitants.'],
    base: 'HT',
    baseCents: 18_000_050,
    minCents: 3_600_010,
    typicalCents: null,
    typicalRate: null,
    maxCents: 7_200_020,
    retainedCents: 7_200_020,
    explanation: ['Taux de 20 % à 40 % de la dépense HT.'],
    sources: [{ label: 'CGCT L2334-36', url: 'https://www.legifrance.gouv.fr/' }],
    ...overrides,
  };
}

export function simulationResult(overrides: Partial<SimulationResult> = {}): SimulationResult {
  return {
    date: '2026-03-14',
    communeInsee: '95002',
    minCommuneShareBp: 2000,
    derogationApplied: null,
    lines: [
      simulationLine(),
      simulationLine({
        versionId: 'v-leader',
        schemeId: 's-leader',
        schemeCode: 'LEADER',
        schemeName: 'Programme LEADER; « Europe »',
        funder: 'EUROPE',
        eligible: false,
        reasons: ['Thème non couvert.'],
        minCents: 0,
        maxCents: 0,
        retainedCents: 0,
      }),
    ],
    plan: {
      scenario: 'MAXIMUM',
      retained: [{ schemeCode: 'DETR', cents: 7_200_020 }],
      capsApplied: [],
      totals: {
        costCents: 18_000_050,
        privateFundingCents: 0,
        publicAidCents: 7_200_020,
        communeShareCents: 10_800_030,
        fctvaCents: 3_543_264,
        fctvaYear: 2027,
        cashAdvanceCents: 14_399_980,
        netCostCents: 10_856_716,
      },
      explanation: ['Les aides retenues ne dépassent aucun plafond.'],
    },
    typicalPlan: null,
    warnings: [],
    sources: [{ label: 'CGCT L1111-10', url: 'https://www.legifrance.gouv.fr/' }],
    notice: SIMULATION_ESTIMATE_NOTICE,
    ...overrides,
  };
}
