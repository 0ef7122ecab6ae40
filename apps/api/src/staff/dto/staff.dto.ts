import { IsEmail, IsIn, MaxLength } from 'class-validator';
import type { CreateAgentInvitationRequest } from '@passerelle/shared/dto';

export class CreateAgentInvitationDto implements CreateAgentInvitationRequest {
  @IsEmail({}, { message: 'Saisissez une adresse électronique valide.' })
  @MaxLength(254, { message: 'Saisissez une adresse électronique valide.' })
  email!: string;

  @IsIn(['ADMIN', 'AGENT'], { message: 'role doit valoir AGENT ou ADMIN.' })
  role!: 'ADMIN' | 'AGENT';
}
