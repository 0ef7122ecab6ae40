import type { SimulationParameters } from '@passerelle/shared/dto';
import { DEMO_PARAMETERS } from './engine/demo-catalogue';

/**
 * The dated legal parameters the simulator applies (minimum share of the commune, the State's dotations, the FCTVA).
 * They are law, not data: a new law is a code change with its source, reviewed and tested, never a row an admin
 * edits. The demo catalogue already holds the real values with their sources.
 */
export const LEGAL_PARAMETERS: SimulationParameters = DEMO_PARAMETERS;
