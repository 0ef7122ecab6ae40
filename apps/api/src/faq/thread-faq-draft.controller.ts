import { Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FaqEntryDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { FaqService } from './faq.service';

/** « Proposer en FAQ » on a question: lives with the FAQ, under the question's path. */
@ApiBearerAuth()
@ApiTags('FAQ')
@Controller('threads')
export class ThreadFaqDraftController {
  constructor(private readonly faq: FaqService) {}

  @Post(':id/faq-draft')
  @Allow('AGENT', 'ADMIN')
  @ApiOperation({ summary: 'Brouillon de FAQ pré-rempli depuis une question répondue (messages publics seulement ; la question reste privée)' })
  draft(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<FaqEntryDto> {
    return this.faq.draftFromThread(user, id);
  }
}
