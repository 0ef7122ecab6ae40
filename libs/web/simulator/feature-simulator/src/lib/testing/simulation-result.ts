import { SIMULATION_ESTIMATE_NOTICE, type SimulationResult } from '@passerelle/shared/dto';

/** A small result: the page's tests look at what it does with one, not at its content. */
export function simulationResult(): SimulationResult {
  return {
    date: '2026-03-14',
    communeInsee: '95002',
    minCommuneShareBp: 2000,
    derogationApplied: null,
    lines: [],
    plan: {
      scenario: 'MAXIMUM',
      retained: [],
      capsApplied: [],
      totals: {
        costCents: 18_000_050,
        privateFundingCents: 0,
        publicAidCents: 0,
        communeShareCents: 18_000_050,
        fctvaCents: null,
        fctvaYear: null,
        cashAdvanceCents: null,
        netCostCents: null,
      },
      explanation: [],
    },
    typicalPlan: null,
    warnings: [],
    sources: [],
    notice: SIMULATION_ESTIMATE_NOTICE,
  };
}
