import type {
  DatedValue,
  Derogation,
  DerogationShare,
  FctvaYearOffset,
  SimulationParameters,
  SimulatorSource,
  StateDotationsRule,
} from '@passerelle/shared/dto';
import { isWithin } from './dates';

/** The legal parameters in force on one date. */
export interface AppliedParameters {
  minCommuneShare: DatedValue<number>;
  derogations: DerogationShare[];
  stateDotations: DatedValue<StateDotationsRule>;
  fctvaRateMillionths: DatedValue<number>;
  fctvaYearOffset: DatedValue<FctvaYearOffset>;
}

/**
 * The value in force on `date`. A missing one is a hole in the parameters, not the user's mistake: it throws
 * rather than guess a legal rate.
 */
export function valueOn<T>(values: readonly DatedValue<T>[], date: string, name: string): DatedValue<T> {
  const candidates = values.filter((value) => isWithin(date, value.validFrom, value.validTo));
  if (candidates.length === 0) {
    throw new RangeError(`No ${name} parameter in force on ${date}`);
  }
  return candidates.reduce((latest, value) => (value.validFrom > latest.validFrom ? value : latest));
}

export function parametersOn(parameters: SimulationParameters, date: string): AppliedParameters {
  return {
    minCommuneShare: valueOn(parameters.minCommuneShareBp, date, 'minCommuneShareBp'),
    derogations: parameters.derogationShares.filter((share) => isWithin(date, share.validFrom, share.validTo)),
    stateDotations: valueOn(parameters.stateDotations, date, 'stateDotations'),
    fctvaRateMillionths: valueOn(parameters.fctvaRateMillionths, date, 'fctvaRateMillionths'),
    fctvaYearOffset: valueOn(parameters.fctvaYearOffset, date, 'fctvaYearOffset'),
  };
}

export function derogationOn(applied: AppliedParameters, derogation: Derogation): DerogationShare | null {
  return applied.derogations.find((share) => share.derogation === derogation) ?? null;
}

/** The sources of the parameters applied, without duplicates. */
export function parameterSources(applied: AppliedParameters, derogation: DerogationShare | null): SimulatorSource[] {
  const sources = [
    applied.minCommuneShare.source,
    ...(derogation ? [derogation.source] : []),
    applied.stateDotations.source,
    applied.fctvaRateMillionths.source,
    applied.fctvaYearOffset.source,
  ];
  return sources.filter((source, index) => sources.findIndex((other) => other.label === source.label) === index);
}
