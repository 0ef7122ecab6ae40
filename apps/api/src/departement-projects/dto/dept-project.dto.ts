import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  type CreateDeptProjectRequest,
  DEPT_PROJECT_LIMITS,
  type DeptProjectInput,
  type DeptProjectListQuery,
  PROJECT_LIMITS,
  type UpdateDeptProjectRequest,
} from '@passerelle/shared/dto';
import { trimmed } from '../../common/http/trim';
import { ProjectFieldsDto } from '../../projects/dto/project-input.dto';
import { ProjectSearchQueryDto } from '../../projects/dto/project-requests.dto';

/** Ids in their one canonical spelling, so that « is it the current lead? » compares like PostgreSQL does. */
const lowerCase = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.toLowerCase() : value);

const CANTON_CODE = /^(?:\d{4,5}|2[AB]\d{2,3})$/;

/**
 * The fiche of a département's project: the communes' fiche and its validators (dates, amounts, funding lines,
 * milestones, lessons, point), without the commune's free-text « porteur » (the lead here is an agent, `leadId`),
 * plus the means, the cantons, the axis and the lead. Every field optional: creation requires title, theme and status
 * (checked by the service field by field), a change carries only what changed.
 */
export class DeptProjectFieldsDto extends OmitType(ProjectFieldsDto, ['projectLead'] as const) implements Partial<DeptProjectInput> {
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'Les moyens doivent être un texte.' })
  @MaxLength(PROJECT_LIMITS.longText, { message: `Les moyens : ${PROJECT_LIMITS.longText} caractères au plus.` })
  resources?: string;

  @ApiPropertyOptional({ type: [String], description: 'Codes des cantons du département, par exemple 9510.' })
  @IsOptional()
  @IsArray({ message: 'cantonCodes doit être une liste de codes de cantons.' })
  @ArrayMaxSize(DEPT_PROJECT_LIMITS.cantons, { message: `${DEPT_PROJECT_LIMITS.cantons} cantons au plus.` })
  @Matches(CANTON_CODE, { each: true, message: 'Code de canton invalide, par exemple 9510.' })
  cantonCodes?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(lowerCase)
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Axe du programme inconnu.' })
  axisId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Administrateurs seulement : un agent ou un administrateur du département.' })
  @IsOptional()
  @Transform(lowerCase)
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Chef de projet inconnu.' })
  leadId?: string | null;
}

export class CreateDeptProjectDto extends DeptProjectFieldsDto implements Partial<CreateDeptProjectRequest> {}

export class UpdateDeptProjectDto extends DeptProjectFieldsDto implements UpdateDeptProjectRequest {
  @ApiProperty({ description: 'La version du projet sur laquelle la modification a été faite.' })
  @IsInt({ message: 'version est obligatoire : rechargez le projet.' })
  @Min(1, { message: 'version est obligatoire : rechargez le projet.' })
  version!: number;
}

export class DeptProjectListQueryDto extends ProjectSearchQueryDto implements DeptProjectListQuery {
  @ApiPropertyOptional({ description: 'Identifiant d’un axe du programme.' })
  @IsOptional()
  @IsUUID('all', { message: 'axis doit être l’identifiant d’un axe du programme.' })
  axis?: string;

  @ApiPropertyOptional({ description: 'Code d’un canton du département.' })
  @IsOptional()
  @Matches(CANTON_CODE, { message: 'canton doit être un code de canton, par exemple 9510.' })
  canton?: string;

  @ApiPropertyOptional({ enum: ['me'], description: '`me` : les projets dont je suis le chef de projet.' })
  @IsOptional()
  @IsIn(['me'], { message: 'lead ne peut valoir que me.' })
  lead?: 'me';
}
