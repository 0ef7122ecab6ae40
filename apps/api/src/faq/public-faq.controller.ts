import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FaqEntryDto, FaqEntrySummaryDto, Page } from '@passerelle/shared/dto';
import { Public } from '../common/access/access.decorators';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PublicFaqQueryDto } from './dto/faq-requests.dto';
import { FaqService } from './faq.service';

/** The public FAQ (`/faq`): published public entries of the portal's département and public national rules. */
@ApiTags('Portail public')
@Controller('public/faq')
export class PublicFaqController {
  constructor(
    private readonly faq: FaqService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('cache-control', 'public, max-age=60')
  @ApiOperation({ summary: 'FAQ publique (recherche, thème, catégorie)' })
  list(@Query() query: PublicFaqQueryDto): Promise<Page<FaqEntrySummaryDto>> {
    return this.faq.publicList(query.departement ?? this.config.defaultDepartementCode, query);
  }

  @Get(':id')
  @Public()
  @Header('cache-control', 'public, max-age=60')
  get(@Param('id') id: string, @Query() query: PublicFaqQueryDto): Promise<FaqEntryDto> {
    return this.faq.publicGet(query.departement ?? this.config.defaultDepartementCode, id);
  }
}
