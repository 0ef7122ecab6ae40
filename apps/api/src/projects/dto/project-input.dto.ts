import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  ValidateIf,
} from 'class-validator';
import {
  FUNDERS,
  FUNDING_STATES,
  type Funder,
  type FundingLineDto,
  type FundingState,
  type LessonsDto,
  type MilestoneDto,
  PROJECT_LIMITS,
  PROJECT_STATUSES,
  PROJECT_THEMES,
  type ProjectInput,
  type ProjectLocationDto,
  type ProjectStatus,
  type ProjectTheme,
} from '@passerelle/shared/dto';
import { trimmed } from '../../common/http/trim';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MESSAGE = 'Date invalide : format attendu AAAA-MM-JJ.';
const AMOUNT_MESSAGE = `Montant invalide : un nombre entier de centimes, entre 0 et ${PROJECT_LIMITS.maxAmountCents / 100} €.`;

/** A money amount in integer cents (HT): no negative, no fraction of a cent, nothing absurd. */
function Amount(): PropertyDecorator {
  return (target, key) => {
    ValidateIf((_, v) => v !== null)(target, key);
    IsInt({ message: AMOUNT_MESSAGE })(target, key);
    Min(0, { message: AMOUNT_MESSAGE })(target, key);
    Max(PROJECT_LIMITS.maxAmountCents, { message: AMOUNT_MESSAGE })(target, key);
  };
}

function Day(): PropertyDecorator {
  return (target, key) => {
    ValidateIf((_, v) => v !== null)(target, key);
    Matches(DAY, { message: DAY_MESSAGE })(target, key);
  };
}

function Text(max: number, label: string): PropertyDecorator {
  return (target, key) => {
    Transform(trimmed)(target, key);
    IsString({ message: `${label} doit être un texte.` })(target, key);
    MaxLength(max, { message: `${label} : ${max} caractères au plus.` })(target, key);
  };
}

export class FundingLineInput implements FundingLineDto {
  @IsIn(FUNDERS, { message: 'Financeur inconnu.' })
  funder!: Funder;

  @ValidateIf((_, v) => v !== null)
  @Text(PROJECT_LIMITS.shortText, 'Le nom du financeur')
  funderName!: string | null;

  @ValidateIf((_, v) => v !== null)
  @Text(PROJECT_LIMITS.shortText, 'Le dispositif')
  scheme!: string | null;

  @Amount()
  amountRequestedCents!: number | null;

  @Amount()
  amountObtainedCents!: number | null;

  @IsIn(FUNDING_STATES, { message: 'État de financement inconnu.' })
  state!: FundingState;

  @Day()
  requestedOn!: string | null;

  @Day()
  decidedOn!: string | null;
}

export class MilestoneInput implements MilestoneDto {
  @Matches(DAY, { message: DAY_MESSAGE })
  date!: string;

  @Transform(trimmed)
  @IsString({ message: 'Indiquez l’étape.' })
  @Length(1, PROJECT_LIMITS.shortText, { message: `L’étape : de 1 à ${PROJECT_LIMITS.shortText} caractères.` })
  title!: string;

  @IsBoolean({ message: 'done doit valoir true ou false.' })
  done!: boolean;
}

export class LessonsInput implements LessonsDto {
  @Text(PROJECT_LIMITS.longText, 'Les problèmes rencontrés')
  problems!: string;

  @Text(PROJECT_LIMITS.longText, 'Ce que nous ferions autrement')
  differently!: string;

  @Text(PROJECT_LIMITS.longText, 'Les conseils')
  advice!: string;
}

export class LocationInput implements ProjectLocationDto {
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Latitude invalide.' })
  @Min(-90, { message: 'Latitude invalide.' })
  @Max(90, { message: 'Latitude invalide.' })
  lat!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Longitude invalide.' })
  @Min(-180, { message: 'Longitude invalide.' })
  @Max(180, { message: 'Longitude invalide.' })
  lng!: number;

  @ValidateIf((_, v) => v !== null)
  @Text(PROJECT_LIMITS.shortText, 'L’adresse')
  address!: string | null;
}

/**
 * Every field of the fiche, all optional here: creation requires title, theme and status (CreateProjectDto),
 * a change carries only what changed (UpdateProjectDto). Unknown fields are refused by the global pipe.
 */
export class ProjectFieldsDto implements Partial<ProjectInput> {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'Le titre doit être un texte.' })
  @Length(1, PROJECT_LIMITS.title, { message: `Le titre : de 1 à ${PROJECT_LIMITS.title} caractères.` })
  title?: string;

  @IsOptional()
  @Text(PROJECT_LIMITS.summary, 'Le résumé')
  summary?: string;

  @IsOptional()
  @Text(PROJECT_LIMITS.longText, 'La description')
  description?: string;

  @IsOptional()
  @Text(PROJECT_LIMITS.longText, 'Les objectifs')
  objectives?: string;

  @IsOptional()
  @IsIn(PROJECT_THEMES, { message: 'Thème inconnu : choisissez un thème de la liste.' })
  theme?: ProjectTheme;

  @IsOptional()
  @IsIn(PROJECT_STATUSES, { message: 'État inconnu : prévu, en cours, réalisé ou abandonné.' })
  status?: ProjectStatus;

  @IsOptional()
  @IsInt({ message: 'L’avancement est un nombre entier entre 0 et 100.' })
  @Min(0, { message: 'L’avancement est un nombre entier entre 0 et 100.' })
  @Max(100, { message: 'L’avancement est un nombre entier entre 0 et 100.' })
  progress?: number;

  @IsOptional()
  @Day()
  startDate?: string | null;

  @IsOptional()
  @Day()
  endDate?: string | null;

  @IsOptional()
  @Text(PROJECT_LIMITS.shortText, 'Le porteur du projet')
  projectLead?: string;

  @IsOptional()
  @Text(PROJECT_LIMITS.longText, 'Les partenaires')
  partners?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => LocationInput)
  location?: LocationInput | null;

  @IsOptional()
  @Amount()
  forecastCostCents?: number | null;

  @IsOptional()
  @Amount()
  finalCostCents?: number | null;

  @IsOptional()
  @IsArray({ message: 'fundingLines doit être une liste.' })
  @ArrayMaxSize(PROJECT_LIMITS.fundingLines, { message: `${PROJECT_LIMITS.fundingLines} lignes de financement au plus.` })
  @ValidateNested({ each: true })
  @Type(() => FundingLineInput)
  fundingLines?: FundingLineInput[];

  @IsOptional()
  @IsArray({ message: 'milestones doit être une liste.' })
  @ArrayMaxSize(PROJECT_LIMITS.milestones, { message: `${PROJECT_LIMITS.milestones} étapes au plus.` })
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  milestones?: MilestoneInput[];

  @IsOptional()
  @ValidateNested()
  @Type(() => LessonsInput)
  lessons?: LessonsInput;

  @IsOptional()
  @Text(PROJECT_LIMITS.longText, 'L’évaluation')
  evaluation?: string;
}
