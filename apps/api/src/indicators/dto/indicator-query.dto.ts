import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTEMENT_CODE_PATTERN, INDICATOR_CSV_LEVELS, INDICATOR_FIGURES, INDICATOR_GROUPS, type IndicatorCsvLevel, type IndicatorFigure, type IndicatorGroup } from '@passerelle/shared/dto';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `?from=&to=` (Paris days, inclusive; default the last 30 days) and the breakdown. */
export class IndicatorQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @Matches(DAY, { message: 'Date attendue au format AAAA-MM-JJ.' })
  @IsISO8601({ strict: true }, { message: 'Cette date n’existe pas.' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @IsOptional()
  @Matches(DAY, { message: 'Date attendue au format AAAA-MM-JJ.' })
  @IsISO8601({ strict: true }, { message: 'Cette date n’existe pas.' })
  to?: string;

  @ApiPropertyOptional({ enum: INDICATOR_GROUPS })
  @IsOptional()
  @IsIn(INDICATOR_GROUPS, { message: `Regroupement attendu parmi : ${INDICATOR_GROUPS.join(', ')}.` })
  groupBy?: IndicatorGroup;
}

export class IndicatorDrillQueryDto extends IndicatorQueryDto {
  @ApiPropertyOptional({ enum: INDICATOR_FIGURES })
  @IsIn(INDICATOR_FIGURES, { message: `Indicateur attendu parmi : ${INDICATOR_FIGURES.join(', ')}.` })
  figure!: IndicatorFigure;
}

export class IndicatorCsvQueryDto extends IndicatorQueryDto {
  @ApiPropertyOptional({ enum: INDICATOR_CSV_LEVELS })
  @IsOptional()
  @IsIn(INDICATOR_CSV_LEVELS, { message: `Niveau attendu parmi : ${INDICATOR_CSV_LEVELS.join(', ')}.` })
  level?: IndicatorCsvLevel;

  /** Admins only: the agents' names instead of pseudonymous codes. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'names vaut true ou false.' })
  names?: 'true' | 'false';
}

export class PublicIndicatorsQueryDto {
  @ApiPropertyOptional({ example: '95', description: 'Par défaut, le département de l’installation' })
  @IsOptional()
  @Matches(DEPARTEMENT_CODE_PATTERN, { message: 'Code de département invalide, par exemple 95.' })
  departement?: string;
}
