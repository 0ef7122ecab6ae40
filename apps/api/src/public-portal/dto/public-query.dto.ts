import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  DEPARTEMENT_CODE_PATTERN,
  INSEE_CODE_PATTERN,
  PROJECT_STATUSES,
  PROJECT_THEMES,
  PUBLIC_PROJECT_KINDS,
  PUBLIC_SORTS,
  type ProjectStatus,
  type ProjectTheme,
  type PublicMapQuery,
  type PublicProjectFilters,
  type PublicProjectKind,
  type PublicProjectListQuery,
  type PublicSort,
} from '@passerelle/shared/dto';
import { ValidationFailedException } from '../../common/exceptions/domain.exception';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

const BBOX = /^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?$/;
const BBOX_MESSAGE = 'bbox doit valoir ouest,sud,est,nord en degrés, par exemple 1.6,48.9,2.6,49.3.';
export const CANTON_CODE = /^(?:\d{4,5}|2[AB]\d{2,3})$/;
export const CANTON_MESSAGE = 'canton doit être un code de canton, par exemple 9510.';
export const AXIS_MESSAGE = 'axis doit être l’identifiant d’un axe du programme.';

/** The filters of the list, the map and the downloads; each is allow-listed or pattern-checked. */
export class PublicFiltersDto implements PublicProjectFilters {
  @ApiPropertyOptional({ description: 'Recherche en français (accents et majuscules ignorés).' })
  @IsOptional()
  @IsString({ message: 'q doit être un texte.' })
  @MaxLength(200, { message: 'q ne peut pas dépasser 200 caractères.' })
  q?: string;

  @ApiPropertyOptional({ enum: PROJECT_THEMES })
  @IsOptional()
  @IsIn(PROJECT_THEMES, { message: 'theme inconnu.' })
  theme?: ProjectTheme;

  @ApiPropertyOptional({ description: 'Code du canton, par exemple 9510.' })
  @IsOptional()
  @Matches(CANTON_CODE, { message: CANTON_MESSAGE })
  canton?: string;

  @ApiPropertyOptional({ description: 'Code INSEE de la commune.' })
  @IsOptional()
  @Matches(INSEE_CODE_PATTERN, { message: 'commune doit être un code INSEE à 5 caractères, par exemple 95002.' })
  commune?: string;

  @ApiPropertyOptional({ minimum: 1990, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year doit être une année, par exemple 2025.' })
  @Min(1990, { message: 'year doit être une année, par exemple 2025.' })
  @Max(2100, { message: 'year doit être une année, par exemple 2025.' })
  year?: number;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES, { message: 'status doit valoir PLANNED, IN_PROGRESS, COMPLETED ou ABANDONED.' })
  status?: ProjectStatus;

  @ApiPropertyOptional({ description: 'Code du département, par exemple 95.' })
  @IsOptional()
  @Matches(DEPARTEMENT_CODE_PATTERN, { message: 'departement doit être un code de département, par exemple 95.' })
  departement?: string;
}

export class PublicProjectListQueryDto extends IntersectionType(PageQueryDto, PublicFiltersDto) implements PublicProjectListQuery {
  @ApiPropertyOptional({ description: 'ouest,sud,est,nord (WGS84) : seulement les projets situés dedans.' })
  @IsOptional()
  @Matches(BBOX, { message: BBOX_MESSAGE })
  bbox?: string;

  @ApiPropertyOptional({ enum: PUBLIC_SORTS })
  @IsOptional()
  @IsIn(PUBLIC_SORTS, { message: 'sort doit valoir recent ou relevance.' })
  sort?: PublicSort;
}

/** Whose projects (`kind`) and which axis of the département's programme: the map and the feed. */
export class PublicKindFiltersDto extends PublicFiltersDto implements Pick<PublicMapQuery, 'kind' | 'axis'> {
  @ApiPropertyOptional({ enum: PUBLIC_PROJECT_KINDS, description: 'Projets des communes ou du Département ; les deux par défaut.' })
  @IsOptional()
  @IsIn(PUBLIC_PROJECT_KINDS, { message: 'kind doit valoir COMMUNE ou DEPARTEMENT.' })
  kind?: PublicProjectKind;

  @ApiPropertyOptional({ description: 'Axe du programme du Département : seulement les projets du Département de cet axe.' })
  @IsOptional()
  @IsUUID('all', { message: AXIS_MESSAGE })
  axis?: string;
}

export class PublicMapQueryDto extends PublicKindFiltersDto implements PublicMapQuery {
  @ApiPropertyOptional({ description: 'ouest,sud,est,nord (WGS84) ; tout le département par défaut.' })
  @IsOptional()
  @Matches(BBOX, { message: BBOX_MESSAGE })
  bbox?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 20, default: 9 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'zoom doit être un nombre entier entre 0 et 20.' })
  @Min(0, { message: 'zoom doit être un nombre entier entre 0 et 20.' })
  @Max(20, { message: 'zoom doit être un nombre entier entre 0 et 20.' })
  zoom?: number;
}

/** `west,south,east,north`, shaped by the DTO's pattern; a box that is not one (south above north…) is refused. */
export function parseBbox(bbox: string | undefined): [number, number, number, number] | null {
  if (!bbox) {
    return null;
  }
  const [west, south, east, north] = bbox.split(',').map(Number);
  if (west > east || south > north || Math.abs(west) > 180 || Math.abs(east) > 180 || Math.abs(south) > 90 || Math.abs(north) > 90) {
    throw new ValidationFailedException({ bbox: 'bbox doit décrire un rectangle : ouest < est et sud < nord, en degrés (longitude ±180, latitude ±90).' });
  }
  return [west, south, east, north];
}
