import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DEPARTEMENT_CODE_PATTERN,
  FAQ_LIMITS,
  FAQ_REVIEW_ACTIONS,
  FAQ_SCOPES,
  FAQ_SORTS,
  FAQ_STATUSES,
  FAQ_VISIBILITIES,
  type FaqAvoidedRequest,
  type FaqEntryInput,
  type FaqReviewAction,
  type FaqReviewRequest,
  type FaqScope,
  type FaqSort,
  type FaqStatus,
  type FaqVisibility,
  type LegalReferenceDto,
  PROJECT_THEMES,
  type ProjectTheme,
  THREAD_CATEGORIES,
  type ThreadCategory,
} from '@passerelle/shared/dto';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { trimmed } from '../../common/http/trim';


export class LegalReferenceInputDto implements LegalReferenceDto {
  @ApiProperty({ example: 'Article R2334-27 du CGCT', maxLength: FAQ_LIMITS.referenceLabelMax })
  @Transform(trimmed)
  @IsString({ message: 'Indiquez l’article ou le texte cité.' })
  @MinLength(3, { message: 'Indiquez l’article ou le texte cité.' })
  @MaxLength(FAQ_LIMITS.referenceLabelMax, { message: `Une référence ne peut pas dépasser ${FAQ_LIMITS.referenceLabelMax} caractères.` })
  label!: string;

  @ApiProperty({ nullable: true, example: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033860584' })
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'Le lien doit être une adresse https.' })
  @MaxLength(FAQ_LIMITS.referenceUrlMax, { message: 'Ce lien est trop long.' })
  @Matches(/^https:\/\/[^\s<>"]+$/, { message: 'Le lien doit être une adresse https.' })
  url!: string | null;
}

export class FaqEntryInputDto implements FaqEntryInput {
  @ApiProperty({ minLength: FAQ_LIMITS.titleMin, maxLength: FAQ_LIMITS.titleMax })
  @Transform(trimmed)
  @IsString({ message: 'Indiquez la question.' })
  @MinLength(FAQ_LIMITS.titleMin, { message: `La question doit compter au moins ${FAQ_LIMITS.titleMin} caractères.` })
  @MaxLength(FAQ_LIMITS.titleMax, { message: `La question ne peut pas dépasser ${FAQ_LIMITS.titleMax} caractères.` })
  title!: string;

  @ApiProperty({ maxLength: FAQ_LIMITS.answerMax, description: 'Markdown' })
  @Transform(trimmed)
  @IsString({ message: 'Rédigez la réponse.' })
  @MinLength(1, { message: 'Rédigez la réponse.' })
  @MaxLength(FAQ_LIMITS.answerMax, { message: `La réponse ne peut pas dépasser ${FAQ_LIMITS.answerMax} caractères.` })
  answer!: string;

  @ApiProperty({ enum: PROJECT_THEMES })
  @IsIn(PROJECT_THEMES, { message: 'Thème inconnu.' })
  theme!: ProjectTheme;

  @ApiProperty({ enum: THREAD_CATEGORIES })
  @IsIn(THREAD_CATEGORIES, { message: 'Catégorie inconnue.' })
  category!: ThreadCategory;

  @ApiProperty({ enum: FAQ_SCOPES })
  @IsIn(FAQ_SCOPES, { message: 'Portée inconnue.' })
  scope!: FaqScope;

  @ApiProperty({ enum: FAQ_VISIBILITIES })
  @IsIn(FAQ_VISIBILITIES, { message: 'Visibilité inconnue.' })
  visibility!: FaqVisibility;

  @ApiProperty({ type: [LegalReferenceInputDto] })
  @IsArray({ message: 'Les références doivent être une liste.' })
  @ArrayMaxSize(FAQ_LIMITS.referencesMax, { message: `Au plus ${FAQ_LIMITS.referencesMax} références.` })
  @ValidateNested({ each: true })
  @Type(() => LegalReferenceInputDto)
  legalReferences!: LegalReferenceInputDto[];

  @ApiProperty({ nullable: true, example: '2027-01-31' })
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true }, { message: 'Indiquez une date valide (AAAA-MM-JJ).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Indiquez une date valide (AAAA-MM-JJ).' })
  validUntil!: string | null;
}

export class FaqEntryUpdateDto extends FaqEntryInputDto {
  @ApiProperty()
  @IsInt({ message: 'Version manquante : rechargez la réponse.' })
  @Min(1, { message: 'Version manquante : rechargez la réponse.' })
  version!: number;
}

export class FaqReviewDto implements FaqReviewRequest {
  @ApiProperty({ enum: FAQ_REVIEW_ACTIONS })
  @IsIn(FAQ_REVIEW_ACTIONS, { message: 'Action inconnue.' })
  action!: FaqReviewAction;

  @ApiProperty()
  @IsInt({ message: 'Version manquante : rechargez la réponse.' })
  @Min(1, { message: 'Version manquante : rechargez la réponse.' })
  version!: number;

  @ApiPropertyOptional({ maxLength: FAQ_LIMITS.rejectReasonMax })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'Le motif doit être un texte.' })
  @MaxLength(FAQ_LIMITS.rejectReasonMax, { message: `Le motif ne peut pas dépasser ${FAQ_LIMITS.rejectReasonMax} caractères.` })
  reason?: string;
}

export class FaqFeedbackDto {
  @ApiProperty()
  @IsBoolean({ message: 'Répondez oui ou non.' })
  helpful!: boolean;
}

export class FaqListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'La recherche ne peut pas dépasser 200 caractères.' })
  q?: string;

  @ApiPropertyOptional({ enum: PROJECT_THEMES })
  @IsOptional()
  @IsIn(PROJECT_THEMES, { message: 'Thème inconnu.' })
  theme?: ProjectTheme;

  @ApiPropertyOptional({ enum: THREAD_CATEGORIES })
  @IsOptional()
  @IsIn(THREAD_CATEGORIES, { message: 'Catégorie inconnue.' })
  category?: ThreadCategory;

  @ApiPropertyOptional({ enum: FAQ_STATUSES, description: 'Agents seulement.' })
  @IsOptional()
  @IsIn(FAQ_STATUSES, { message: 'État inconnu.' })
  status?: FaqStatus;

  @ApiPropertyOptional({ enum: FAQ_SORTS, description: 'RECENT (par défaut) ou OLDEST (la file de relecture). Sans effet avec une recherche, classée par pertinence.' })
  @IsOptional()
  @IsIn(FAQ_SORTS, { message: 'Tri inconnu.' })
  sort?: FaqSort;
}

export class PublicFaqQueryDto extends FaqListQueryDto {
  @ApiPropertyOptional({ description: 'Code du département du portail, par exemple 95 (sinon celui de l’installation).' })
  @IsOptional()
  @Matches(DEPARTEMENT_CODE_PATTERN, { message: 'departement doit être un code de département, par exemple 95.' })
  departement?: string;
}

export class ReferenceChangedDto {
  @ApiProperty({ example: 'Article R2334-27 du CGCT', maxLength: FAQ_LIMITS.referenceLabelMax })
  @Transform(trimmed)
  @IsString({ message: 'Indiquez l’article ou le texte qui a changé.' })
  @MinLength(3, { message: 'Indiquez l’article ou le texte qui a changé.' })
  @MaxLength(FAQ_LIMITS.referenceLabelMax, { message: `Une référence ne peut pas dépasser ${FAQ_LIMITS.referenceLabelMax} caractères.` })
  label!: string;
}

export class FaqSuggestQueryDto {
  @ApiProperty({ description: `Le titre en cours de saisie ; rien n’est proposé sous ${FAQ_LIMITS.suggestTitleMin} caractères.`, maxLength: FAQ_LIMITS.titleMax })
  @IsString({ message: 'Indiquez le titre de la question.' })
  @MaxLength(FAQ_LIMITS.titleMax, { message: `Le titre ne peut pas dépasser ${FAQ_LIMITS.titleMax} caractères.` })
  title!: string;

  @ApiPropertyOptional({ maxLength: FAQ_LIMITS.suggestBodyMax })
  @IsOptional()
  @IsString()
  @MaxLength(FAQ_LIMITS.suggestBodyMax, { message: `Le texte ne peut pas dépasser ${FAQ_LIMITS.suggestBodyMax} caractères pour les suggestions.` })
  body?: string;
}

export class FaqAvoidedDto implements FaqAvoidedRequest {
  @ApiProperty({ enum: ['FAQ', 'THREAD'] })
  @IsIn(['FAQ', 'THREAD'], { message: 'Suggestion inconnue.' })
  kind!: 'FAQ' | 'THREAD';

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Suggestion inconnue.' })
  id!: string;
}
