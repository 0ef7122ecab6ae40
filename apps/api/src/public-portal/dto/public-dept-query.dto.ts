import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  DEPARTEMENT_CODE_PATTERN,
  PROJECT_STATUSES,
  PROJECT_THEMES,
  type ProjectStatus,
  type ProjectTheme,
  type PublicDeptProjectListQuery,
} from '@passerelle/shared/dto';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { AXIS_MESSAGE, CANTON_CODE, CANTON_MESSAGE } from './public-query.dto';

/** `GET /api/public/dept-projects`: the same allow-listed filters as the communes' projects, plus the axis. */
export class PublicDeptProjectListQueryDto extends PageQueryDto implements PublicDeptProjectListQuery {
  @ApiPropertyOptional({ description: 'Code du département, par exemple 95.' })
  @IsOptional()
  @Matches(DEPARTEMENT_CODE_PATTERN, { message: 'departement doit être un code de département, par exemple 95.' })
  departement?: string;

  @ApiPropertyOptional({ description: 'Recherche en français (accents et majuscules ignorés).' })
  @IsOptional()
  @IsString({ message: 'q doit être un texte.' })
  @MaxLength(200, { message: 'q ne peut pas dépasser 200 caractères.' })
  q?: string;

  @ApiPropertyOptional({ enum: PROJECT_THEMES })
  @IsOptional()
  @IsIn(PROJECT_THEMES, { message: 'theme inconnu.' })
  theme?: ProjectTheme;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES, { message: 'status doit valoir PLANNED, IN_PROGRESS, COMPLETED ou ABANDONED.' })
  status?: ProjectStatus;

  @ApiPropertyOptional({ description: 'Code d’un canton concerné, par exemple 9510.' })
  @IsOptional()
  @Matches(CANTON_CODE, { message: CANTON_MESSAGE })
  canton?: string;

  @ApiPropertyOptional({ description: 'Identifiant d’un axe du programme du Département.' })
  @IsOptional()
  @IsUUID('all', { message: AXIS_MESSAGE })
  axis?: string;
}
