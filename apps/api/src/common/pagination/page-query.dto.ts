import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@passerelle/shared/dto';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit doit être un nombre entier entre 1 et ${MAX_PAGE_SIZE}.` })
  @Min(1, { message: `limit doit être un nombre entier entre 1 et ${MAX_PAGE_SIZE}.` })
  @Max(MAX_PAGE_SIZE, { message: `limit ne peut pas dépasser ${MAX_PAGE_SIZE} : utilisez offset pour paginer.` })
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset doit être un nombre entier positif ou nul.' })
  @Min(0, { message: 'offset doit être un nombre entier positif ou nul.' })
  @Max(1_000_000, { message: 'offset est trop grand.' })
  offset = 0;
}

export function page<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, limit: query.limit, offset: query.offset };
}
