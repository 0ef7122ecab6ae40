import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { GEOCODE_QUERY_LIMITS, type GeocodeQuery, INSEE_CODE_PATTERN } from '@passerelle/shared/dto';
import { trimmed } from '../../common/http/trim';

const { min, max } = GEOCODE_QUERY_LIMITS;

export class GeocodeQueryDto implements GeocodeQuery {
  @ApiProperty({ description: 'Adresse ou lieu recherché.', minLength: min, maxLength: max })
  @Transform(trimmed)
  @IsString({ message: 'q doit être un texte.' })
  @Length(min, max, { message: `Saisissez entre ${min} et ${max} caractères.` })
  // The Base Adresse Nationale refuses a query that starts with anything else.
  @Matches(/^[\p{L}\p{N}]/u, { message: 'L’adresse doit commencer par un chiffre ou une lettre.' })
  q!: string;

  @ApiProperty({ description: 'Code INSEE de la commune où chercher.' })
  @IsString({ message: 'insee doit être un code INSEE, par exemple 95002.' })
  @Matches(INSEE_CODE_PATTERN, { message: 'insee doit être un code INSEE, par exemple 95002.' })
  insee!: string;
}
