import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import {
  type AcceptInvitationRequest,
  type CreateInvitationRequest,
  type OpenWorkspaceRequest,
  PASSWORD_MAX_LENGTH,
  type ReplaceMayorRequest,
  type WorkspaceListQuery,
  type WorkspaceState,
} from '@passerelle/shared/dto';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { trimmed } from '../../common/http/trim';

const EMAIL_MESSAGE = 'Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.';

export class CreateInvitationDto implements CreateInvitationRequest {
  @Transform(trimmed)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: EMAIL_MESSAGE })
  email!: string;

  @IsIn(['MAYOR', 'COLLABORATOR'], { message: 'role doit valoir COLLABORATOR (ou MAYOR pour un administrateur).' })
  role!: 'MAYOR' | 'COLLABORATOR';
}

export class OpenWorkspaceDto implements OpenWorkspaceRequest {
  @Transform(trimmed)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: EMAIL_MESSAGE })
  mayorEmail!: string;
}

export class ReplaceMayorDto implements ReplaceMayorRequest {
  @Transform(trimmed)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: EMAIL_MESSAGE })
  email!: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @Transform(trimmed)
  @IsString({ message: 'Indiquez votre nom.' })
  @Length(2, 100, { message: 'Votre nom doit compter de 2 à 100 caractères.' })
  displayName!: string;

  @IsString({ message: 'Choisissez un mot de passe.' })
  @MaxLength(PASSWORD_MAX_LENGTH * 4, { message: `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.` })
  password!: string;
}

function toBoolean({ value }: { value: unknown }): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

export class WorkspaceListQueryDto extends PageQueryDto implements WorkspaceListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'q doit être un texte.' })
  @MaxLength(100, { message: 'q ne peut pas dépasser 100 caractères.' })
  q?: string;

  @ApiPropertyOptional({ enum: ['NONE', 'OPEN'] })
  @IsOptional()
  @IsIn(['NONE', 'OPEN'], { message: 'state doit valoir NONE ou OPEN.' })
  state?: WorkspaceState;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'eligible doit valoir true ou false.' })
  eligible?: boolean;
}
