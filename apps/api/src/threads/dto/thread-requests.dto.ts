import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  type AssignThreadInput,
  type BulkThreadsInput,
  type ChangeThreadStateInput,
  type CommuneThreadsQuery,
  type CreateThreadInput,
  type EditMessageInput,
  EFFORT_SCORES,
  EFFORT_STATEMENT,
  type EffortScore,
  INBOX_SCOPES,
  INBOX_SORTS,
  type InboxQuery,
  type InboxScope,
  type InboxSort,
  type PostMessageInput,
  SATISFACTION_SCORES,
  type SatisfactionInput,
  type SatisfactionScore,
  type SetThreadLabelsInput,
  THREAD_CATEGORIES,
  THREAD_LIMITS,
  THREAD_REQUESTABLE_STATES,
  THREAD_STATES,
  type ThreadCategory,
  type ThreadRequestableState,
  type ThreadState,
} from '@passerelle/shared/dto';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { trimmed } from '../../common/http/trim';

const CODE = /^(?:\d{5}|2[AB]\d{3})$/;
const STATE_FILTERS = [...THREAD_STATES, 'ACTIVE', 'ALL'] as const;

export class CreateThreadDto implements CreateThreadInput {
  @ApiProperty({ maxLength: THREAD_LIMITS.subject })
  @Transform(trimmed)
  @IsString({ message: 'Indiquez l’objet de votre question.' })
  @MinLength(1, { message: 'Indiquez l’objet de votre question.' })
  @MaxLength(THREAD_LIMITS.subject, { message: `L’objet ne peut pas dépasser ${THREAD_LIMITS.subject} caractères.` })
  subject!: string;

  @ApiProperty({ enum: THREAD_CATEGORIES })
  @IsIn(THREAD_CATEGORIES, { message: 'Choisissez une catégorie.' })
  category!: ThreadCategory;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Projet inconnu.' })
  projectId?: string | null;

  @ApiProperty({ maxLength: THREAD_LIMITS.body, description: 'Markdown.' })
  @Transform(trimmed)
  @IsString({ message: 'Écrivez votre question.' })
  @MinLength(1, { message: 'Écrivez votre question.' })
  @MaxLength(THREAD_LIMITS.body, { message: `Le message ne peut pas dépasser ${THREAD_LIMITS.body} caractères.` })
  body!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'attachmentIds doit être une liste.' })
  @ArrayMaxSize(THREAD_LIMITS.attachments, { message: `${THREAD_LIMITS.attachments} pièces jointes au plus par message.` })
  @IsUUID('all', { each: true, message: 'Pièce jointe inconnue.' })
  attachmentIds?: string[];
}

export class PostMessageDto implements PostMessageInput {
  @ApiProperty({ maxLength: THREAD_LIMITS.body, description: 'Markdown.' })
  @Transform(trimmed)
  @IsString({ message: 'Écrivez votre message.' })
  @MinLength(1, { message: 'Écrivez votre message.' })
  @MaxLength(THREAD_LIMITS.body, { message: `Le message ne peut pas dépasser ${THREAD_LIMITS.body} caractères.` })
  body!: string;

  @ApiPropertyOptional({ description: 'Agents : note interne, jamais visible de la commune.' })
  @IsOptional()
  @IsBoolean({ message: 'internal doit valoir true ou false.' })
  internal?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'attachmentIds doit être une liste.' })
  @ArrayMaxSize(THREAD_LIMITS.attachments, { message: `${THREAD_LIMITS.attachments} pièces jointes au plus par message.` })
  @IsUUID('all', { each: true, message: 'Pièce jointe inconnue.' })
  attachmentIds?: string[];

  @ApiPropertyOptional({ enum: ['WAITING_COMMUNE', 'CLOSED'] })
  @IsOptional()
  @IsIn(['WAITING_COMMUNE', 'CLOSED'], { message: 'nextState doit valoir WAITING_COMMUNE ou CLOSED.' })
  nextState?: 'WAITING_COMMUNE' | 'CLOSED';
}

export class EditMessageDto implements EditMessageInput {
  @ApiProperty({ maxLength: THREAD_LIMITS.body })
  @Transform(trimmed)
  @IsString({ message: 'Écrivez votre message.' })
  @MinLength(1, { message: 'Écrivez votre message.' })
  @MaxLength(THREAD_LIMITS.body, { message: `Le message ne peut pas dépasser ${THREAD_LIMITS.body} caractères.` })
  body!: string;
}

export class ChangeThreadStateDto implements ChangeThreadStateInput {
  @ApiProperty({ enum: THREAD_REQUESTABLE_STATES })
  @IsIn(THREAD_REQUESTABLE_STATES, { message: 'state doit valoir OPEN, WAITING_COMMUNE ou CLOSED.' })
  state!: ThreadRequestableState;

  @ApiProperty()
  @IsInt({ message: 'version est obligatoire : rechargez la question.' })
  @Min(1, { message: 'version est obligatoire : rechargez la question.' })
  version!: number;
}

export class AssignThreadDto implements AssignThreadInput {
  @ApiProperty({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'Agent inconnu.' })
  assigneeId!: string | null;
}

export class SetThreadLabelsDto implements SetThreadLabelsInput {
  @ApiProperty({ type: [String] })
  @IsArray({ message: 'labelIds doit être une liste.' })
  @ArrayMaxSize(20, { message: '20 étiquettes au plus.' })
  @IsUUID('all', { each: true, message: 'Étiquette inconnue.' })
  labelIds!: string[];
}

export class SatisfactionDto implements SatisfactionInput {
  @ApiProperty({ enum: SATISFACTION_SCORES })
  @IsIn(SATISFACTION_SCORES, { message: 'Choisissez une réponse de 1 à 5.' })
  score!: SatisfactionScore;

  @ApiPropertyOptional({ enum: EFFORT_SCORES, nullable: true, description: EFFORT_STATEMENT })
  @IsOptional()
  @IsIn(EFFORT_SCORES, { message: 'Choisissez une réponse de 1 à 7, ou passez cette question.' })
  effort?: EffortScore | null;

  @ApiPropertyOptional({ maxLength: THREAD_LIMITS.comment, nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'Le commentaire doit être un texte.' })
  @MaxLength(THREAD_LIMITS.comment, { message: `Le commentaire ne peut pas dépasser ${THREAD_LIMITS.comment} caractères.` })
  comment?: string | null;
}

export class BulkThreadsDto implements BulkThreadsInput {
  @ApiProperty({ type: [String], maxItems: THREAD_LIMITS.bulk })
  @IsArray({ message: 'threadIds doit être une liste.' })
  @ArrayMaxSize(THREAD_LIMITS.bulk, { message: `${THREAD_LIMITS.bulk} questions au plus à la fois.` })
  @IsUUID('all', { each: true, message: 'Question inconnue.' })
  threadIds!: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'Agent inconnu.' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'addLabelIds doit être une liste.' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'Étiquette inconnue.' })
  addLabelIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'removeLabelIds doit être une liste.' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'Étiquette inconnue.' })
  removeLabelIds?: string[];
}

export class CommuneThreadsQueryDto extends PageQueryDto implements CommuneThreadsQuery {
  @ApiPropertyOptional({ enum: STATE_FILTERS, default: 'ALL' })
  @IsOptional()
  @IsIn(STATE_FILTERS, { message: 'state doit valoir ACTIVE, ALL ou un état de question.' })
  state?: ThreadState | 'ACTIVE' | 'ALL';

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'projectId doit être l’identifiant d’un projet.' })
  projectId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString({ message: 'q doit être un texte.' })
  @MaxLength(200, { message: 'q ne peut pas dépasser 200 caractères.' })
  q?: string;
}

export class InboxQueryDto extends PageQueryDto implements InboxQuery {
  @ApiPropertyOptional({ enum: STATE_FILTERS, default: 'ACTIVE' })
  @IsOptional()
  @IsIn(STATE_FILTERS, { message: 'state doit valoir ACTIVE, ALL ou un état de question.' })
  state?: ThreadState | 'ACTIVE' | 'ALL';

  @ApiPropertyOptional({ enum: INBOX_SCOPES, default: 'all' })
  @IsOptional()
  @IsIn(INBOX_SCOPES, { message: 'scope doit valoir all, mine ou unassigned.' })
  scope?: InboxScope;

  @ApiPropertyOptional({ enum: THREAD_CATEGORIES })
  @IsOptional()
  @IsIn(THREAD_CATEGORIES, { message: 'category inconnue.' })
  category?: ThreadCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE, { message: 'canton doit être un code de canton, par exemple 95016.' })
  canton?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE, { message: 'commune doit être un code INSEE, par exemple 95002.' })
  commune?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'label doit être l’identifiant d’une étiquette.' })
  label?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsBoolean({ message: 'overdue doit valoir true ou false.' })
  overdue?: boolean;

  @ApiPropertyOptional({ enum: INBOX_SORTS, default: 'due' })
  @IsOptional()
  @IsIn(INBOX_SORTS, { message: 'sort doit valoir due ou activity.' })
  sort?: InboxSort;

  @ApiPropertyOptional({ maxLength: 200, description: 'Recherche en français dans les objets et les messages (accents ignorés).' })
  @IsOptional()
  @IsString({ message: 'q doit être un texte.' })
  @MaxLength(200, { message: 'q ne peut pas dépasser 200 caractères.' })
  q?: string;
}

