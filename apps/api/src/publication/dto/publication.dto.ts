import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  PUBLICATION_LIMITS,
  PUBLICATION_VERSION_PATTERN,
  type PublicationAction,
  type PublicationApproveInput,
  type PublicationChoicesDto,
  type PublicationCommuneActionInput,
  type PublicationOtherActionInput,
} from '@passerelle/shared/dto';

const VERSION_MESSAGE = 'version doit être la version de l’aperçu relu (champ « version » de GET /api/projects/:id/publication/preview).';

export class PublicationChoicesBody implements PublicationChoicesDto {
  @ApiProperty({ type: [String] })
  @IsArray({ message: 'documentIds doit être une liste.' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Document inconnu.' })
  documentIds!: string[];

  @ApiProperty()
  @IsBoolean({ message: 'showFunding doit valoir true ou false.' })
  showFunding!: boolean;
}

export abstract class PublicationActionBody {
  @ApiPropertyOptional({ maxLength: PUBLICATION_LIMITS.reason, nullable: true })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'La raison doit être un texte.' })
  @MaxLength(PUBLICATION_LIMITS.reason, { message: `La raison ne peut pas dépasser ${PUBLICATION_LIMITS.reason} caractères.` })
  reason?: string | null;
}

/** `request` and `consent`: the commune's actions, the only ones that carry its choices of what is public. */
export class PublicationCommuneActionBody extends PublicationActionBody implements PublicationCommuneActionInput {
  @ApiProperty({ enum: ['request', 'consent'] })
  @IsIn(['request', 'consent'])
  action!: 'request' | 'consent';

  @ApiPropertyOptional({ type: PublicationChoicesBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicationChoicesBody)
  choices?: PublicationChoicesBody;

  @ApiPropertyOptional({ description: 'La version de l’aperçu que le maire a vue (`previewVersion`).', pattern: PUBLICATION_VERSION_PATTERN.source })
  @IsOptional()
  @IsString({ message: VERSION_MESSAGE })
  @Matches(PUBLICATION_VERSION_PATTERN, { message: VERSION_MESSAGE })
  version?: string;
}

/** `approve`: the agent names the preview approved; no `choices` (unknown field, 400). */
export class PublicationApproveBody extends PublicationActionBody implements PublicationApproveInput {
  @ApiProperty({ enum: ['approve'] })
  @IsIn(['approve'])
  action!: 'approve';

  @ApiProperty({ description: 'La `version` de l’aperçu relu.', pattern: PUBLICATION_VERSION_PATTERN.source })
  @IsString({ message: VERSION_MESSAGE })
  @Matches(PUBLICATION_VERSION_PATTERN, { message: VERSION_MESSAGE })
  version!: string;
}

/** `reject` (the reason is required, checked by the service with its own message) and `withdraw`. */
export class PublicationOtherActionBody extends PublicationActionBody implements PublicationOtherActionInput {
  @ApiProperty({ enum: ['reject', 'withdraw'] })
  @IsIn(['reject', 'withdraw'])
  action!: 'reject' | 'withdraw';
}

/** The body class of each action: a field another action accepts is still refused here (`forbidNonWhitelisted`). */
export const PUBLICATION_ACTION_BODIES: Record<PublicationAction, new () => PublicationActionBody> = {
  request: PublicationCommuneActionBody,
  consent: PublicationCommuneActionBody,
  approve: PublicationApproveBody,
  reject: PublicationOtherActionBody,
  withdraw: PublicationOtherActionBody,
};
