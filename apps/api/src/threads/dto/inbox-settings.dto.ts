import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  type AnswerTemplateInput,
  type LabelInput,
  OFFICE_HOURS_LIMITS,
  type OfficeSpan,
  type RoutingRuleInput,
  THREAD_CATEGORIES,
  THREAD_LIMITS,
  type ThreadCategory,
  type UpdateDepartementSettingsInput,
} from '@passerelle/shared/dto';
import { trimmed } from '../../common/http/trim';


const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

export class OfficeSpanDto implements OfficeSpan {
  @ApiProperty({ example: '09:00' })
  @Matches(TIME, { message: 'Heure attendue au format HH:MM, par exemple 09:00.' })
  start!: string;

  @ApiProperty({ example: '12:30' })
  @Matches(TIME, { message: 'Heure attendue au format HH:MM, par exemple 12:30.' })
  end!: string;
}

export class UpdateDepartementSettingsDto implements UpdateDepartementSettingsInput {
  @ApiProperty({ minimum: 1, maximum: 60 })
  @IsInt({ message: 'Indiquez un nombre entier de jours ouvrés, de 1 à 60.' })
  @Min(1, { message: 'Indiquez un nombre entier de jours ouvrés, de 1 à 60.' })
  @Max(60, { message: 'Indiquez un nombre entier de jours ouvrés, de 1 à 60.' })
  firstResponseDays!: number;

  @ApiPropertyOptional({ type: [OfficeSpanDto], description: 'Horaires d’ouverture d’un jour ouvré (heure de Paris)' })
  @IsOptional()
  @IsArray({ message: 'Indiquez les horaires sous forme de liste.' })
  @ArrayMinSize(1, { message: 'Indiquez au moins une plage horaire.' })
  @ArrayMaxSize(OFFICE_HOURS_LIMITS.spans, { message: `${OFFICE_HOURS_LIMITS.spans} plages horaires au plus.` })
  @ValidateNested({ each: true })
  @Type(() => OfficeSpanDto)
  officeHours?: OfficeSpanDto[];
}

export class LabelDto implements LabelInput {
  @ApiProperty({ maxLength: THREAD_LIMITS.labelName })
  @Transform(trimmed)
  @IsString({ message: 'Indiquez le nom de l’étiquette.' })
  @MinLength(1, { message: 'Indiquez le nom de l’étiquette.' })
  @MaxLength(THREAD_LIMITS.labelName, { message: `Le nom ne peut pas dépasser ${THREAD_LIMITS.labelName} caractères.` })
  name!: string;

  @ApiProperty({ example: '#1565c0' })
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsString({ message: 'Choisissez une couleur.' })
  @Matches(/^#[0-9a-f]{6}$/, { message: 'La couleur doit s’écrire #rrggbb, par exemple #1565c0.' })
  colour!: string;
}

export class RoutingRuleDto implements RoutingRuleInput {
  @ApiProperty({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @Matches(/^(?:\d{4,5}|2[AB]\d{2,3})$/, { message: 'Canton inconnu.' })
  cantonCode!: string | null;

  @ApiProperty({ enum: THREAD_CATEGORIES, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsIn(THREAD_CATEGORIES, { message: 'Catégorie inconnue.' })
  category!: ThreadCategory | null;

  @ApiProperty()
  @IsUUID('all', { message: 'Choisissez un agent.' })
  agentId!: string;
}

export class AnswerTemplateDto implements AnswerTemplateInput {
  @ApiProperty({ maxLength: THREAD_LIMITS.templateTitle })
  @Transform(trimmed)
  @IsString({ message: 'Indiquez le titre du modèle.' })
  @MinLength(1, { message: 'Indiquez le titre du modèle.' })
  @MaxLength(THREAD_LIMITS.templateTitle, { message: `Le titre ne peut pas dépasser ${THREAD_LIMITS.templateTitle} caractères.` })
  title!: string;

  @ApiProperty({ maxLength: THREAD_LIMITS.body })
  @Transform(trimmed)
  @IsString({ message: 'Écrivez le texte du modèle.' })
  @MinLength(1, { message: 'Écrivez le texte du modèle.' })
  @MaxLength(THREAD_LIMITS.body, { message: `Le texte ne peut pas dépasser ${THREAD_LIMITS.body} caractères.` })
  body!: string;
}
