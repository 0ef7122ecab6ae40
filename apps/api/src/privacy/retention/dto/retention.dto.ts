import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export const RETENTION_RUNS_DEFAULT = 20;
export const RETENTION_RUNS_MAX = 100;

/** `POST /api/retention/runs`. */
export class StartRetentionRunDto {
  @ApiProperty({ description: 'true : compter ce qui serait fait, sans rien changer' })
  @IsBoolean({ message: 'dryRun doit valoir true ou false.' })
  dryRun!: boolean;
}

/** `GET /api/retention/runs?limit=`. */
export class RetentionRunsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: RETENTION_RUNS_MAX, default: RETENTION_RUNS_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit doit être un nombre entier entre 1 et ${RETENTION_RUNS_MAX}.` })
  @Min(1, { message: `limit doit être un nombre entier entre 1 et ${RETENTION_RUNS_MAX}.` })
  @Max(RETENTION_RUNS_MAX, { message: `limit ne peut pas dépasser ${RETENTION_RUNS_MAX}.` })
  limit: number = RETENTION_RUNS_DEFAULT;
}
