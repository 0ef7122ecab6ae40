import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AID_GRANT_IMPORT_SCHEMES, type AidGrantImportDto, type AidGrantImportScheme } from '@passerelle/shared/dto';

/** The form fields sent with the file (`multipart/form-data`), validated like a JSON body. */
export class AidGrantImportRequestDto implements Pick<AidGrantImportDto, 'scheme'> {
  @ApiProperty({ enum: AID_GRANT_IMPORT_SCHEMES, description: 'La dotation du fichier, sauf pour les lignes dont la colonne « dotation » dit laquelle' })
  @IsIn(AID_GRANT_IMPORT_SCHEMES, { message: 'Choisissez la dotation du fichier : DETR ou DSIL.' })
  scheme!: AidGrantImportScheme;
}
