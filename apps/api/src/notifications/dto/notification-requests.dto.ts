import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import {
  EMAIL_MODES,
  type EmailMode,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type UnsubscribeInput,
  type UpdateNotificationPreferencesInput,
} from '@passerelle/shared/dto';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class NotificationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsBoolean({ message: 'unread doit valoir true ou false.' })
  unread = false;
}

export class NotificationPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS, { message: 'Type de notification inconnu.' })
  kind!: NotificationKind;

  @ApiProperty({ enum: EMAIL_MODES })
  @IsIn(EMAIL_MODES, { message: 'Choisissez « un courriel à chaque fois », « un récapitulatif par jour » ou « pas de courriel ».' })
  email!: EmailMode;
}

export class UpdateNotificationPreferencesDto implements UpdateNotificationPreferencesInput {
  @ApiProperty({ type: [NotificationPreferenceDto] })
  @IsArray({ message: 'preferences doit être une liste.' })
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceDto)
  preferences!: NotificationPreferenceDto[];
}

export class UnsubscribeDto implements UnsubscribeInput {
  @ApiProperty()
  @IsString({ message: 'Lien de désabonnement invalide.' })
  @MaxLength(300, { message: 'Lien de désabonnement invalide.' })
  token!: string;
}

export class UnsubscribeQueryDto {
  @ApiProperty()
  @IsString({ message: 'Lien de désabonnement invalide.' })
  @MaxLength(300, { message: 'Lien de désabonnement invalide.' })
  token!: string;
}
