import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
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
  AID_DESTINATIONS,
  AID_KINDS,
  CAP_GROUPS,
  DEROGATIONS,
  FUNDERS,
  INSEE_CODE_PATTERN,
  PROJECT_THEMES,
  SIMULATION_MAX_CENTS,
  SIMULATION_SCENARIOS,
  TAX_BASES,
  type AddSimulationFundingRequest,
  type AidDestination,
  type AidKind,
  type AidSchemeEligibility,
  type AidSchemeLink,
  type AidSchemeRuleFields,
  type AidSchemeTestRuleRequest,
  type AidSchemeVersionInput,
  type CapGroup,
  type CreateAidSchemeRequest,
  type CreateAidSchemeTestCaseRequest,
  type Derogation,
  type Funder,
  type ProjectSimulationRequest,
  type ProjectTheme,
  type SimulationRequest,
  type SimulationScenario,
  type SimulatorSource,
  type TaxBase,
  type UpdateAidSchemeRequest,
} from '@passerelle/shared/dto';
import { trimmed } from '../../common/http/trim';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Indiquez une date valide (AAAA-MM-JJ).';
const HTTPS_URL = /^https:\/\/[^\s<>"]+$/;
const MAX_INHABITANTS = 100_000_000;

/** An amount in cents: an integer from 0 to `SIMULATION_MAX_CENTS`, with the field's name in the message. */
function Cents(what: string): PropertyDecorator {
  return (target, key) => {
    IsInt({ message: `${what} : indiquez un montant en centimes, nombre entier.` })(target, key);
    Min(0, { message: `${what} : le montant ne peut pas être négatif.` })(target, key);
    Max(SIMULATION_MAX_CENTS, { message: `${what} : le montant dépasse le plafond du simulateur (10 milliards d’euros).` })(target, key);
  };
}

function BasisPoints(what: string): PropertyDecorator {
  return (target, key) => {
    IsInt({ message: `${what} : indiquez un taux en points de base (2000 = 20 %).` })(target, key);
    Min(0, { message: `${what} : le taux ne peut pas être négatif.` })(target, key);
    Max(10_000, { message: `${what} : le taux ne peut pas dépasser 100 %.` })(target, key);
  };
}

function Inhabitants(what: string): PropertyDecorator {
  return (target, key) => {
    IsInt({ message: `${what} : indiquez un nombre d’habitants entier.` })(target, key);
    Min(0, { message: `${what} : le nombre d’habitants ne peut pas être négatif.` })(target, key);
    Max(MAX_INHABITANTS, { message: `${what} : nombre d’habitants trop élevé.` })(target, key);
  };
}

function IsoDay(): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true }, { message: DATE_MESSAGE })(target, key);
    Matches(ISO_DAY, { message: DATE_MESSAGE })(target, key);
  };
}

// --- Simulations -------------------------------------------------------------------------------------------------

export class ProjectSimulationRequestDto implements ProjectSimulationRequest {
  @ApiProperty({ enum: PROJECT_THEMES })
  @IsIn(PROJECT_THEMES, { message: 'Thème inconnu.' })
  theme!: ProjectTheme;

  @ApiProperty({ description: 'Dépense éligible HT, en centimes', example: 18_000_000 })
  @Cents('La dépense éligible HT')
  eligibleExpenseHtCents!: number;

  @ApiPropertyOptional({ nullable: true, description: 'Coût TTC, en centimes' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Cents('Le coût TTC')
  expenseTtcCents?: number | null;

  @ApiPropertyOptional({ description: 'Financements privés (mécénat…), en centimes' })
  @IsOptional()
  @Cents('Les financements privés')
  privateFundingCents?: number;

  @ApiPropertyOptional({ example: '2025-03-14', description: 'Par défaut : aujourd’hui' })
  @IsOptional()
  @IsoDay()
  date?: string;

  @ApiPropertyOptional({ enum: DEROGATIONS, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsIn(DEROGATIONS, { message: 'Dérogation inconnue.' })
  derogation?: Derogation | null;

  @ApiPropertyOptional({ nullable: true, description: 'Part minimale fixée par la décision du préfet, en points de base' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @BasisPoints('La part minimale fixée par le préfet')
  derogationShareBp?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'Indiquez si les dépenses ont commencé (oui ou non).' })
  spendingStarted?: boolean;
}

export class SimulationRequestDto extends ProjectSimulationRequestDto implements SimulationRequest {
  @ApiProperty({ example: '95002' })
  @IsString({ message: 'Indiquez le code INSEE de la commune.' })
  @Matches(INSEE_CODE_PATTERN, { message: 'Indiquez le code INSEE de la commune (5 caractères).' })
  communeInsee!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Enregistre la simulation avec ce projet de la commune' })
  @IsOptional()
  @IsUUID('all', { message: 'Projet inconnu.' })
  projectId?: string;
}

export class AidSchemeTestCaseRequestDto extends ProjectSimulationRequestDto implements CreateAidSchemeTestCaseRequest {
  @ApiProperty({ maxLength: 200 })
  @Transform(trimmed)
  @IsString({ message: 'Nommez le cas de test.' })
  @MinLength(1, { message: 'Nommez le cas de test.' })
  @MaxLength(200, { message: 'Le nom ne peut pas dépasser 200 caractères.' })
  name!: string;

  @ApiProperty({ example: '95002' })
  @IsString({ message: 'Indiquez le code INSEE de la commune.' })
  @Matches(INSEE_CODE_PATTERN, { message: 'Indiquez le code INSEE de la commune (5 caractères).' })
  communeInsee!: string;
}

// --- The catalogue -----------------------------------------------------------------------------------------------

export class AidSchemeListQueryDto {
  @ApiPropertyOptional({ enum: PROJECT_THEMES })
  @IsOptional()
  @IsIn(PROJECT_THEMES, { message: 'Thème inconnu.' })
  theme?: ProjectTheme;

  @ApiPropertyOptional({ example: '95002', description: 'Dit pour chaque dispositif si cette commune y est éligible' })
  @IsOptional()
  @Matches(INSEE_CODE_PATTERN, { message: 'Indiquez le code INSEE de la commune (5 caractères).' })
  insee?: string;
}

export class SourceInputDto implements SimulatorSource, AidSchemeLink {
  @ApiProperty({ maxLength: 300 })
  @Transform(trimmed)
  @IsString({ message: 'Indiquez le libellé.' })
  @MinLength(1, { message: 'Indiquez le libellé.' })
  @MaxLength(300, { message: 'Un libellé ne peut pas dépasser 300 caractères.' })
  label!: string;

  @ApiProperty({ example: 'https://www.legifrance.gouv.fr/' })
  @IsString({ message: 'Le lien doit être une adresse https.' })
  @MaxLength(2000, { message: 'Ce lien est trop long.' })
  @Matches(HTTPS_URL, { message: 'Le lien doit être une adresse https.' })
  url!: string;
}

export class EligibilityInputDto implements AidSchemeEligibility {
  @ApiPropertyOptional()
  @IsOptional()
  @Inhabitants('La population minimale')
  populationMin?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Inhabitants('La population maximale')
  populationMax?: number;

  @ApiProperty({ enum: PROJECT_THEMES, isArray: true, description: 'Vide : tous les thèmes' })
  @IsArray({ message: 'Les thèmes doivent être une liste.' })
  @ArrayMaxSize(PROJECT_THEMES.length, { message: 'Trop de thèmes.' })
  @IsIn(PROJECT_THEMES, { each: true, message: 'Thème inconnu.' })
  themes!: ProjectTheme[];

  @ApiPropertyOptional()
  @IsOptional()
  @Inhabitants('La population maximale de l’intercommunalité')
  epciPopulationMax?: number;
}

export class RuleInputDto implements AidSchemeRuleFields {
  @ApiProperty({ type: EligibilityInputDto })
  @IsObject({ message: 'Indiquez les conditions d’éligibilité.' })
  @ValidateNested()
  @Type(() => EligibilityInputDto)
  eligibility!: EligibilityInputDto;

  @ApiProperty({ enum: TAX_BASES })
  @IsIn(TAX_BASES, { message: 'Assiette inconnue (HT ou TTC).' })
  base!: TaxBase;

  @ApiPropertyOptional()
  @IsOptional()
  @Cents('Le plancher de dépense')
  expenseFloorCents?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Cents('Le plafond de dépense')
  expenseCeilingCents?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @BasisPoints('Le taux minimal')
  rateMinBp?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @BasisPoints('Le taux maximal')
  rateMaxBp?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Cents('Le plancher de subvention')
  grantFloorCents?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Cents('Le plafond de subvention')
  grantCeilingCents?: number;

  @ApiProperty({ enum: CAP_GROUPS, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsIn(CAP_GROUPS, { message: 'Groupe de plafonnement inconnu.' })
  capGroup!: CapGroup | null;

  @ApiProperty()
  @IsBoolean({ message: 'Indiquez si ce financeur intervient en dernier (oui ou non).' })
  lastFunder!: boolean;

  @ApiProperty({ description: 'Plus bas : réduit en premier quand un plafond s’applique' })
  @IsInt({ message: 'La priorité est un nombre entier.' })
  @Min(0, { message: 'La priorité va de 0 à 1000.' })
  @Max(1000, { message: 'La priorité va de 0 à 1000.' })
  priority!: number;

  @ApiProperty()
  @IsBoolean({ message: 'Indiquez si la demande doit précéder tout commencement (oui ou non).' })
  noSpendingBeforeFiling!: boolean;

  @ApiProperty({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @Cents('Le seuil de passage en commission')
  commissionAboveCents!: number | null;

  @ApiProperty({ nullable: true, example: '2025-01-31' })
  @ValidateIf((_, value) => value !== null)
  @IsoDay()
  deadline!: string | null;

  @ApiProperty()
  @IsBoolean({ message: 'Indiquez si la règle est donnée en exemple (oui ou non).' })
  illustrative!: boolean;

  @ApiProperty({ type: [SourceInputDto] })
  @IsArray({ message: 'Les sources doivent être une liste.' })
  @ArrayMaxSize(10, { message: 'Au plus 10 sources.' })
  @ValidateNested({ each: true })
  @Type(() => SourceInputDto)
  sources!: SourceInputDto[];
}

export class VersionInputDto implements AidSchemeVersionInput {
  @ApiProperty({ example: '2026-01-01' })
  @IsoDay()
  validFrom!: string;

  @ApiProperty({ nullable: true, example: '2026-12-31' })
  @ValidateIf((_, value) => value !== null)
  @IsoDay()
  validTo!: string | null;

  @ApiProperty({ type: RuleInputDto })
  @IsObject({ message: 'Indiquez la règle de la version.' })
  @ValidateNested()
  @Type(() => RuleInputDto)
  rule!: RuleInputDto;
}

export class AidSchemeFieldsDto {
  @ApiProperty({ maxLength: 40, example: 'Val-d’Oise' })
  @Transform(trimmed)
  @IsString({ message: 'Indiquez le code court du dispositif.' })
  @MinLength(1, { message: 'Indiquez le code court du dispositif.' })
  @MaxLength(40, { message: 'Le code ne peut pas dépasser 40 caractères.' })
  code!: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trimmed)
  @IsString({ message: 'Indiquez le nom du dispositif.' })
  @MinLength(1, { message: 'Indiquez le nom du dispositif.' })
  @MaxLength(200, { message: 'Le nom ne peut pas dépasser 200 caractères.' })
  name!: string;

  @ApiProperty({ enum: FUNDERS })
  @IsIn(FUNDERS, { message: 'Financeur inconnu.' })
  funder!: Funder;

  @ApiProperty({ enum: AID_KINDS })
  @IsIn(AID_KINDS, { message: 'Nature d’aide inconnue.' })
  kind!: AidKind;

  @ApiProperty({ enum: AID_DESTINATIONS })
  @IsIn(AID_DESTINATIONS, { message: 'Destination inconnue (investissement ou fonctionnement).' })
  destination!: AidDestination;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'La description doit être un texte.' })
  @MaxLength(5000, { message: 'La description ne peut pas dépasser 5 000 caractères.' })
  description?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'Les publics doivent être une liste.' })
  @ArrayMaxSize(10, { message: 'Au plus 10 publics.' })
  @IsString({ each: true, message: 'Chaque public est un texte.' })
  @MaxLength(100, { each: true, message: 'Un public ne peut pas dépasser 100 caractères.' })
  audiences?: string[];

  @ApiPropertyOptional({ maxLength: 200, example: 'Annuelle' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'La récurrence doit être un texte.' })
  @MaxLength(200, { message: 'La récurrence ne peut pas dépasser 200 caractères.' })
  recurrence?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'Indiquez s’il s’agit d’un appel à projets (oui ou non).' })
  callForProjects?: boolean;

  @ApiPropertyOptional({ type: [SourceInputDto] })
  @IsOptional()
  @IsArray({ message: 'Les liens doivent être une liste.' })
  @ArrayMaxSize(10, { message: 'Au plus 10 liens.' })
  @ValidateNested({ each: true })
  @Type(() => SourceInputDto)
  links?: SourceInputDto[];
}

export class CreateAidSchemeDto extends AidSchemeFieldsDto implements CreateAidSchemeRequest {
  @ApiPropertyOptional({ description: 'Dispositif national (administrateurs de l’installation seulement)' })
  @IsOptional()
  @IsBoolean({ message: 'Indiquez si le dispositif est national (oui ou non).' })
  national?: boolean;

  @ApiProperty({ type: VersionInputDto })
  @IsObject({ message: 'Indiquez la première version de la règle.' })
  @ValidateNested()
  @Type(() => VersionInputDto)
  firstVersion!: VersionInputDto;
}

/** Every descriptive field is optional (class-validator's rules kept); the rule changes only by a new version. */
export class UpdateAidSchemeDto extends PartialType(AidSchemeFieldsDto) implements UpdateAidSchemeRequest {
  @ApiProperty()
  @IsInt({ message: 'Version manquante : rechargez le dispositif.' })
  @Min(1, { message: 'Version manquante : rechargez le dispositif.' })
  version!: number;

  @ApiPropertyOptional({ type: VersionInputDto, description: 'Nouvelle version datée de la règle' })
  @IsOptional()
  @IsObject({ message: 'La nouvelle version doit être un objet.' })
  @ValidateNested()
  @Type(() => VersionInputDto)
  newVersion?: VersionInputDto;

  @ApiPropertyOptional({ description: 'Accepter les nouveaux résultats des cas de test que la modification change' })
  @IsOptional()
  @IsBoolean({ message: 'Indiquez si les nouveaux résultats des cas de test sont acceptés (oui ou non).' })
  acceptChangedTestCases?: boolean;
}

/** « Tester la règle » : the same edit, never saved. */
export class AidSchemeTestRuleDto extends OmitType(UpdateAidSchemeDto, ['acceptChangedTestCases'] as const) implements AidSchemeTestRuleRequest {}

/** « Ajouter au plan de financement ». */
export class AddSimulationFundingDto implements AddSimulationFundingRequest {
  @ApiProperty()
  @IsInt({ message: 'Version manquante : rechargez la fiche.' })
  @Min(1, { message: 'Version manquante : rechargez la fiche.' })
  version!: number;

  @ApiProperty({ type: [String] })
  @IsArray({ message: 'Choisissez les aides à ajouter.' })
  @ArrayNotEmpty({ message: 'Choisissez au moins une aide à ajouter.' })
  @ArrayMaxSize(30, { message: 'Trop d’aides choisies.' })
  @IsUUID('all', { each: true, message: 'Une des aides choisies est inconnue.' })
  schemeIds!: string[];

  @ApiProperty({ enum: SIMULATION_SCENARIOS })
  @IsIn(SIMULATION_SCENARIOS, { message: 'Choisissez le plan maximal ou le plan habituel.' })
  scenario!: SimulationScenario;
}
