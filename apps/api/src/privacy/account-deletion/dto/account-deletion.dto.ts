import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { type AdminAccountDeletionInput, PRIVACY_LIMITS, type RequestAccountDeletionInput } from '@passerelle/shared/dto';
import { trimmed } from '../../../common/http/trim';

export class RequestAccountDeletionDto implements RequestAccountDeletionInput {
  @IsString({ message: 'Saisissez votre mot de passe.' })
  @Length(1, 512, { message: 'Saisissez votre mot de passe.' })
  password!: string;
}

export class AdminAccountDeletionDto implements AdminAccountDeletionInput {
  @Transform(trimmed)
  @IsString({ message: 'Indiquez pourquoi le compte est supprimé (par exemple : « à la demande de la personne, courriel du 3 mars »).' })
  @Length(1, PRIVACY_LIMITS.deletionReason, {
    message: `Indiquez pourquoi le compte est supprimé, en ${PRIVACY_LIMITS.deletionReason} caractères au plus.`,
  })
  reason!: string;
}
