import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsObject, IsOptional, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  DEPARTEMENT_CODE_PATTERN,
  NEWSLETTER_FREQUENCIES,
  type NewsletterFrequency,
  type NewsletterSubscribeRequest,
} from '@passerelle/shared/dto';

const EMAIL_MESSAGE = 'Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.';
const CANTON_CODE = /^(?:\d{4,5}|2[AB]\d{2,3})$/;
const SCOPE_KINDS = ['DEPARTEMENT', 'CANTON', 'AXIS'] as const;

/**
 * The scope as sent: the kind and the one field it needs. Whether the canton or the axis belongs to the
 * département, and that no field of another kind is sent, is checked by the service.
 */
export class NewsletterScopeDto {
  @ApiProperty({ enum: SCOPE_KINDS })
  @IsIn(SCOPE_KINDS, { message: 'Choisissez tout le département, un canton ou un axe.' })
  kind!: (typeof SCOPE_KINDS)[number];

  @ApiPropertyOptional({ description: 'Code du canton (scope CANTON), par exemple 95016.' })
  @IsOptional()
  @Matches(CANTON_CODE, { message: 'Choisissez un canton de la liste.' })
  cantonCode?: string;

  @ApiPropertyOptional({ description: 'Identifiant de l’axe du programme (scope AXIS).' })
  @IsOptional()
  @IsUUID('all', { message: 'Choisissez un axe de la liste.' })
  axisId?: string;
}

export class NewsletterSubscribeDto implements Omit<NewsletterSubscribeRequest, 'scope'> {
  @ApiProperty({ example: '95' })
  @Matches(DEPARTEMENT_CODE_PATTERN, { message: 'departement doit être un code de département, par exemple 95.' })
  departement!: string;

  @ApiProperty({ example: 'partenaire@exemple.fr' })
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: EMAIL_MESSAGE })
  email!: string;

  @ApiProperty({ type: NewsletterScopeDto })
  @IsObject({ message: 'Choisissez tout le département, un canton ou un axe.' })
  @ValidateNested()
  @Type(() => NewsletterScopeDto)
  scope!: NewsletterScopeDto;

  @ApiProperty({ enum: NEWSLETTER_FREQUENCIES })
  @IsIn(NEWSLETTER_FREQUENCIES, { message: 'Choisissez une fréquence : chaque semaine ou chaque mois.' })
  frequency!: NewsletterFrequency;
}
