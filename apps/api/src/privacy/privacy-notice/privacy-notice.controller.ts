import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { PrivacyNoticeDto } from '@passerelle/shared/dto';
import { Public } from '../../common/access/access.decorators';
import { sendDownload } from '../../common/http/download';
import { PrivacyNoticeService } from './privacy-notice.service';

/** Like the public configuration it is made of: it changes only when the installation restarts with new settings. */
const PUBLIC_CACHE = 'public, max-age=60';

@ApiTags('Portail public')
@Controller('public/privacy')
@Public()
export class PrivacyNoticeController {
  constructor(private readonly privacy: PrivacyNoticeService) {}

  @Get()
  @Header('cache-control', PUBLIC_CACHE)
  @ApiOkResponse({ description: 'Page « Données personnelles » : traitements, durées de conservation, droits, contact du DPO.' })
  notice(): Promise<PrivacyNoticeDto> {
    return this.privacy.notice();
  }

  @Get('register.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Registre des activités de traitement (article 30 du RGPD) en CSV : BOM, « ; », une ligne par traitement.' })
  register(@Res() reply: FastifyReply): Promise<void> {
    return sendDownload(reply, 'text/csv; charset=utf-8', this.privacy.registerFileName(), this.privacy.registerCsv(), PUBLIC_CACHE);
  }
}
