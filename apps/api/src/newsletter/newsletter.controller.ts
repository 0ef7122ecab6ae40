import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiGoneResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { NewsletterConfirmationDto, NewsletterSubscribeAcceptedDto } from '@passerelle/shared/dto';
import { LimitReads } from '../auth/write-throttler.guard';
import { Public } from '../common/access/access.decorators';
import { NewsletterSubscribeDto } from './dto/newsletter.dto';
import { NewsletterService } from './newsletter.service';

const MINUTE = 60_000;

@ApiTags('Lettre des projets')
@Controller('public/newsletter')
@Public()
export class NewsletterController {
  constructor(private readonly newsletter: NewsletterService) {}

  @Post('subscriptions')
  @HttpCode(202)
  @Throttle({ default: { limit: 10, ttl: 15 * MINUTE } })
  @ApiAcceptedResponse({ description: 'Un courriel de confirmation part ; rien n’est conservé avant que son lien soit suivi.' })
  async subscribe(@Body() body: NewsletterSubscribeDto): Promise<NewsletterSubscribeAcceptedDto> {
    await this.newsletter.subscribe(body);
    return { status: 'CONFIRMATION_SENT' };
  }

  /**
   * `confirm/<token>`: a wildcard, since the token carries the whole subscription and is longer than the router's
   * 100-character limit on a named parameter.
   */
  @Get('confirm/*')
  @LimitReads()
  @Header('cache-control', 'no-store')
  @Throttle({ default: { limit: 30, ttl: MINUTE } })
  @ApiOkResponse({ description: 'L’abonnement est enregistré (ou l’était déjà).' })
  @ApiGoneResponse({ description: 'Lien expiré.' })
  confirm(@Param('*') token: string): Promise<NewsletterConfirmationDto> {
    return this.newsletter.confirm(token);
  }

  /**
   * One-click unsubscribe (RFC 8058): mail clients post `List-Unsubscribe=One-Click` as a form; the page of the web
   * app posts nothing. The body is not read: the signed token is the whole request.
   */
  @Post('unsubscribe/:token')
  @HttpCode(204)
  @Throttle({ default: { limit: 30, ttl: MINUTE } })
  @ApiNoContentResponse({ description: 'Désabonné (ou déjà désabonné).' })
  async unsubscribe(@Param('token') token: string): Promise<void> {
    await this.newsletter.unsubscribe(token);
  }
}
