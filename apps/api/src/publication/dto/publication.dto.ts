import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import {
  PUBLICATION_ACTIONS,
  PUBLICATION_LIMITS,
  type PublicationAction,
  type PublicationActionInput,
  type PublicationChoicesDto,
} from '@passerelle/shared/dto';

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

export class PublicationActionDto implements PublicationActionInput {
  @ApiProperty({ enum: PUBLICATION_ACTIONS })
  @IsIn(PUBLICATION_ACTIONS, { message: 'action doit valoir request, consent, approve, reject ou withdraw.' })
  action!: PublicationAction;

  @ApiPropertyOptional({ maxLength: PUBLICATION_LIMITS.reason, nullable: true })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'La raison doit être un texte.' })
  @MaxLength(PUBLICATION_LIMITS.reason, { message: `La raison ne peut pas dépasser ${PUBLICATION_LIMITS.reason} caractères.` })
  reason?: string | null;

  @ApiPropertyOptional({ type: PublicationChoicesBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicationChoicesBody)
  choices?: PublicationChoicesBody;
}
