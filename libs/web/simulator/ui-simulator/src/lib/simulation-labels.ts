import type { SimulationCap } from '@passerelle/shared/dto';

export const SIMULATION_CAP_LABELS: Record<SimulationCap, string> = {
  STATE_DOTATIONS: 'Plafond commun des dotations de l’État',
  MIN_COMMUNE_SHARE: 'Part minimale de la commune',
};
