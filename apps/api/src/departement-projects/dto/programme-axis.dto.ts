import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { DEPT_PROJECT_LIMITS, type ProgrammeAxisInput } from '@passerelle/shared/dto';
import { trimmed } from '../../common/http/trim';

/** `POST /api/departements/:code/axes`. */
export class ProgrammeAxisDto implements ProgrammeAxisInput {
  @ApiProperty({ maxLength: DEPT_PROJECT_LIMITS.axisLabel })
  @Transform(trimmed)
  @IsString({ message: 'Le nom de l’axe doit être un texte.' })
  @Length(1, DEPT_PROJECT_LIMITS.axisLabel, { message: `Le nom de l’axe : de 1 à ${DEPT_PROJECT_LIMITS.axisLabel} caractères.` })
  label!: string;

  @ApiProperty({ maxLength: DEPT_PROJECT_LIMITS.axisDescription })
  @Transform(trimmed)
  @IsString({ message: 'La description doit être un texte.' })
  @MaxLength(DEPT_PROJECT_LIMITS.axisDescription, { message: `La description : ${DEPT_PROJECT_LIMITS.axisDescription} caractères au plus.` })
  description!: string;

  @ApiPropertyOptional({ description: 'Rang dans la liste (0 en premier) ; omis : après le dernier.' })
  @IsOptional()
  @IsInt({ message: 'La position est un nombre entier entre 0 et 1000.' })
  @Min(0, { message: 'La position est un nombre entier entre 0 et 1000.' })
  @Max(1000, { message: 'La position est un nombre entier entre 0 et 1000.' })
  position?: number;
}

/** `PATCH /api/axes/:id`: only what changes. */
export class UpdateProgrammeAxisDto extends PartialType(ProgrammeAxisDto) {}
