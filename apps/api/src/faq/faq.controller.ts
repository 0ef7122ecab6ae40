import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FaqEntryDto, FaqEntrySummaryDto, FaqSuggestionsDto, Page } from '@passerelle/shared/dto';
import { Allow, CurrentUser, SignedIn } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { Throttle } from '@nestjs/throttler';
import { LimitReads } from '../auth/write-throttler.guard';
import {
  FaqAvoidedDto,
  FaqEntryInputDto,
  FaqEntryUpdateDto,
  FaqFeedbackDto,
  FaqListQueryDto,
  FaqReviewDto,
  FaqSuggestQueryDto,
  ReferenceChangedDto,
} from './dto/faq-requests.dto';
import { FaqService } from './faq.service';
import { FaqSuggestService } from './faq-suggest.service';

/** Suggestions follow typing (debounced): two a second for a minute is more than a fast typist needs. */
const SUGGEST_LIMIT = { default: { limit: 120, ttl: 60_000 } };

@ApiBearerAuth()
@ApiTags('FAQ')
@Controller('faq')
export class FaqController {
  constructor(
    private readonly faq: FaqService,
    private readonly suggestions: FaqSuggestService,
  ) {}

  @Get()
  @SignedIn()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Réponses de la FAQ que l’utilisateur peut lire (recherche, thème, catégorie ; état pour les agents)' })
  list(@CurrentUser() user: AuthUser, @Query() query: FaqListQueryDto): Promise<Page<FaqEntrySummaryDto>> {
    return this.faq.list(user, query);
  }

  @Get('suggest')
  @SignedIn()
  @LimitReads()
  @Throttle(SUGGEST_LIMIT)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Questions proches de celle en cours de saisie : réponses de la FAQ, questions ouvertes de la commune, modèles de réponse (agents)',
  })
  suggest(@CurrentUser() user: AuthUser, @Query() query: FaqSuggestQueryDto): Promise<FaqSuggestionsDto> {
    return this.suggestions.suggest(user, query.title, query.body);
  }

  @Post('suggest/avoided')
  @Allow('MAYOR', 'COLLABORATOR')
  @HttpCode(204)
  @ApiOperation({ summary: 'Une suggestion ouverte, puis la question abandonnée : une question évitée' })
  async avoided(@CurrentUser() user: AuthUser, @Body() body: FaqAvoidedDto): Promise<void> {
    await this.suggestions.avoided(user, body);
  }

  @Get(':id')
  @SignedIn()
  @Header('cache-control', 'no-store')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<FaqEntryDto> {
    return this.faq.get(user, id);
  }

  @Post()
  @Allow('AGENT', 'ADMIN')
  @ApiOperation({ summary: 'Nouvelle réponse, en brouillon' })
  create(@CurrentUser() user: AuthUser, @Body() body: FaqEntryInputDto): Promise<FaqEntryDto> {
    return this.faq.create(user, body);
  }

  @Patch(':id')
  @Allow('AGENT', 'ADMIN')
  @ApiOperation({ summary: 'Nouveau texte (une réponse publiée repart en relecture)' })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: FaqEntryUpdateDto): Promise<FaqEntryDto> {
    return this.faq.update(user, id, body);
  }

  @Post(':id/review')
  @Allow('AGENT', 'ADMIN')
  @ApiOperation({ summary: 'Soumettre, publier, renvoyer (avec un motif) ou archiver' })
  review(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: FaqReviewDto): Promise<FaqEntryDto> {
    return this.faq.review(user, id, body);
  }

  @Post(':id/feedback')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: '« Cette réponse vous a-t-elle aidé ? » (une réponse par lecteur, modifiable)' })
  async feedback(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: FaqFeedbackDto): Promise<void> {
    await this.faq.feedback(user, id, body.helpful);
  }

  @Post('references/changed')
  @Allow('AGENT', 'ADMIN')
  @HttpCode(200)
  @ApiOperation({ summary: 'Une référence juridique a changé : les réponses publiées du département qui la citent repartent en relecture' })
  referenceChanged(@CurrentUser() user: AuthUser, @Body() body: ReferenceChangedDto): Promise<{ entries: number }> {
    return this.faq.referenceChanged(user, body.label);
  }
}
