import { Transform } from 'class-transformer';
import { IsString, Length, MaxLength } from 'class-validator';
import type { ChangePasswordRequest, DisableTotpRequest, TotpConfirmRequest, UpdateMeRequest } from '@passerelle/shared/dto';
import { trimmed } from '../../common/http/trim';


export class UpdateMeDto implements UpdateMeRequest {
  @Transform(trimmed)
  @IsString({ message: 'Indiquez votre nom.' })
  @Length(2, 100, { message: 'Votre nom doit compter de 2 à 100 caractères.' })
  displayName!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString({ message: 'Saisissez votre mot de passe actuel.' })
  @Length(1, 512, { message: 'Saisissez votre mot de passe actuel.' })
  currentPassword!: string;

  @IsString({ message: 'Choisissez un nouveau mot de passe.' })
  @MaxLength(512, { message: 'Le mot de passe ne peut pas dépasser 128 caractères.' })
  newPassword!: string;
}

export class TotpConfirmDto implements TotpConfirmRequest {
  @IsString({ message: 'Saisissez le code à 6 chiffres affiché par votre application.' })
  @Length(6, 10, { message: 'Saisissez le code à 6 chiffres affiché par votre application.' })
  code!: string;
}

export class DisableTotpDto implements DisableTotpRequest {
  @IsString({ message: 'Saisissez votre mot de passe.' })
  @Length(1, 512, { message: 'Saisissez votre mot de passe.' })
  password!: string;
}
