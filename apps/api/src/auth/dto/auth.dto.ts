import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import type {
  LoginRequest,
  LoginTotpRequest,
  PasswordResetCheckRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  TotpEnrolmentConfirmRequest,
  TotpEnrolmentStartRequest,
} from '@passerelle/shared/dto';

const EMAIL_MESSAGE = 'Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'maire@ableiges.example' })
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: EMAIL_MESSAGE })
  email!: string;

  @ApiProperty()
  @IsString({ message: 'Saisissez votre mot de passe.' })
  @Length(1, 128, { message: 'Saisissez votre mot de passe.' })
  password!: string;
}

export class LoginTotpDto implements LoginTotpRequest {
  @IsString({ message: 'La vérification a expiré : reconnectez-vous.' })
  @MaxLength(2000, { message: 'La vérification a expiré : reconnectez-vous.' })
  challengeToken!: string;

  @IsString({ message: 'Saisissez le code à 6 chiffres ou un code de secours.' })
  @Length(6, 20, { message: 'Saisissez le code à 6 chiffres ou un code de secours.' })
  code!: string;
}

export class TotpEnrolmentStartDto implements TotpEnrolmentStartRequest {
  @IsString({ message: 'La vérification a expiré : reconnectez-vous.' })
  @MaxLength(2000, { message: 'La vérification a expiré : reconnectez-vous.' })
  challengeToken!: string;
}

export class TotpEnrolmentConfirmDto extends TotpEnrolmentStartDto implements TotpEnrolmentConfirmRequest {
  @IsString({ message: 'Saisissez le code à 6 chiffres affiché par votre application.' })
  @Length(6, 10, { message: 'Saisissez le code à 6 chiffres affiché par votre application.' })
  code!: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: EMAIL_MESSAGE })
  email!: string;
}

export class PasswordResetCheckDto implements PasswordResetCheckRequest {
  /** Any string: a link that is not (or no longer) valid is "not found" (404), whatever its shape. */
  @IsString({ message: 'Ce lien n’est pas valable.' })
  @MaxLength(500, { message: 'Ce lien n’est pas valable.' })
  token!: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  /** Any string: a link that is not (or no longer) valid is "not found" (404), whatever its shape. */
  @IsString({ message: 'Ce lien n’est pas valable.' })
  @MaxLength(500, { message: 'Ce lien n’est pas valable.' })
  token!: string;

  @IsString({ message: 'Choisissez un mot de passe.' })
  @MaxLength(1000, { message: 'Le mot de passe ne peut pas dépasser 128 caractères.' })
  password!: string;
}
