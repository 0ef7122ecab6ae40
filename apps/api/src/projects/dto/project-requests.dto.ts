import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import {
  type CreateProjectRequest,
  type DepartementProjectListQuery,
  PROJECT_STATUSES,
  PROJECT_THEMES,
  type ProjectStatus,
  type ProjectTheme,
  type UpdateProjectRequest,
} from '@passerelle/shared/dto';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ProjectFieldsDto } from './project-input.dto';

/** Title, theme and status are required at creation; the service says so field by field. */
export class CreateProjectDto extends ProjectFieldsDto implements Partial<CreateProjectRequest> {}

export class UpdateProjectDto extends ProjectFieldsDto implements UpdateProjectRequest {
  @ApiProperty({ description: 'La version de la fiche sur laquelle la modification a été faite.' })
  @IsInt({ message: 'version est obligatoire : rechargez la fiche.' })
  @Min(1, { message: 'version est obligatoire : rechargez la fiche.' })
  version!: number;
}

/** Words, status and theme: the filters every list of projects (the communes', the département's) has. */
export class ProjectSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'q doit être un texte.' })
  @MaxLength(100, { message: 'q ne peut pas dépasser 100 caractères.' })
  q?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES, { message: 'status doit valoir PLANNED, IN_PROGRESS, COMPLETED ou ABANDONED.' })
  status?: ProjectStatus;

  @ApiPropertyOptional({ enum: PROJECT_THEMES })
  @IsOptional()
  @IsIn(PROJECT_THEMES, { message: 'theme inconnu.' })
  theme?: ProjectTheme;
}

export class ProjectListQueryDto extends ProjectSearchQueryDto implements DepartementProjectListQuery {
  @ApiPropertyOptional({ description: 'Code INSEE de la commune (liste du département).' })
  @IsOptional()
  @Matches(/^(?:\d{5}|2[AB]\d{3})$/, { message: 'commune doit être un code INSEE, par exemple 95002.' })
  commune?: string;

  @ApiPropertyOptional({ description: 'Code du canton (liste du département).' })
  @IsOptional()
  @Matches(/^(?:\d{5}|2[AB]\d{3})$/, { message: 'canton doit être un code de canton, par exemple 95016.' })
  canton?: string;
}

export class HistoryQueryDto extends PageQueryDto {}
