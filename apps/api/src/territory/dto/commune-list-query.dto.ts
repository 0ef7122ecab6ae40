import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { CommuneListQuery } from '@passerelle/shared/dto';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

/** Query strings only carry text: map "true"/"false" and leave anything else for @IsBoolean to refuse. */
function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') {
    return true;
  }
  if (value === 'false' || value === '0') {
    return false;
  }
  return value;
}

export class CommuneListQueryDto extends PageQueryDto implements CommuneListQuery {
  @ApiPropertyOptional({ description: 'Moins de habitants que le seuil du département (true) ou non (false).' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'eligible doit valoir true ou false.' })
  eligible?: boolean;

  @ApiPropertyOptional({ description: 'Nom (sans tenir compte des accents ni de la casse), code postal ou code INSEE.' })
  @IsOptional()
  @IsString({ message: 'q doit être un texte.' })
  @MaxLength(100, { message: 'q ne peut pas dépasser 100 caractères.' })
  q?: string;

  @ApiPropertyOptional({ description: 'Code du canton, par exemple 95001.' })
  @IsOptional()
  @Matches(/^(?:\d{5}|2[AB]\d{3})$/, { message: 'canton doit être un code de canton à 5 caractères, par exemple 95001.' })
  canton?: string;
}
