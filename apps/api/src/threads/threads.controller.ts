import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import {
  type BulkThreadsResult,
  type CommuneFileDto,
  type FilledTemplateDto,
  INSEE_CODE_PATTERN,
  type MessageDto,
  type MessageRevisionDto,
  type Page,
  type ThreadDto,
  type ThreadSummaryDto,
} from '@passerelle/shared/dto';
import { Allow, CurrentUser } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PatternPipe } from '../common/http/pattern.pipe';
import { CommuneFileService } from './commune-file.service';
import {
  AssignThreadDto,
  BulkThreadsDto,
  ChangeThreadStateDto,
  CommuneThreadsQueryDto,
  CreateThreadDto,
  EditMessageDto,
  InboxQueryDto,
  PostMessageDto,
  SatisfactionDto,
  SetThreadLabelsDto,
} from './dto/thread-requests.dto';
import { ThreadQueueService } from './thread-queue.service';
import { ThreadTriageService } from './thread-triage.service';
import { ThreadsService } from './threads.service';
import { CanonicalId } from '../common/http/id.pipe';

const insee = new PatternPipe('insee', INSEE_CODE_PATTERN, 'Code INSEE invalide : 5 caractères, par exemple 95002.');

@ApiBearerAuth()
@ApiTags('Questions')
@Controller()
@Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly queue: ThreadQueueService,
    private readonly triage: ThreadTriageService,
    private readonly communeFiles: CommuneFileService,
  ) {}

  @Get('communes/:insee/threads')
  @Header('cache-control', 'no-store')
  list(@CurrentUser() user: AuthUser, @Param('insee', insee) code: string, @Query() query: CommuneThreadsQueryDto): Promise<Page<ThreadSummaryDto>> {
    return this.queue.listForCommune(user, code, query);
  }

  @Post('communes/:insee/threads')
  @Allow('MAYOR', 'COLLABORATOR')
  create(@CurrentUser() user: AuthUser, @Param('insee', insee) code: string, @Body() body: CreateThreadDto): Promise<ThreadDto> {
    return this.threads.create(user, code, body);
  }

  @Get('communes/:insee/file')
  @Allow('AGENT', 'ADMIN')
  @Header('cache-control', 'no-store')
  file(@CurrentUser() user: AuthUser, @Param('insee', insee) code: string): Promise<CommuneFileDto> {
    return this.communeFiles.file(user, code);
  }

  @Get('inbox')
  @Allow('AGENT', 'ADMIN')
  @Header('cache-control', 'no-store')
  inbox(@CurrentUser() user: AuthUser, @Query() query: InboxQueryDto): Promise<Page<ThreadSummaryDto>> {
    return this.queue.inbox(user, query);
  }

  @Post('inbox/bulk')
  @Allow('AGENT', 'ADMIN')
  bulk(@CurrentUser() user: AuthUser, @Body() body: BulkThreadsDto): Promise<BulkThreadsResult> {
    return this.triage.bulk(user, body);
  }

  @Get('threads/:id')
  @Header('cache-control', 'no-store')
  get(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<ThreadDto> {
    return this.threads.get(user, id);
  }

  @Post('threads/:id/messages')
  postMessage(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: PostMessageDto): Promise<ThreadDto> {
    return this.threads.postMessage(user, id, body);
  }

  @Post('threads/:id/state')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'La question a changé depuis sa lecture (le corps contient `current`), ou ce changement n’est pas possible.' })
  changeState(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: ChangeThreadStateDto): Promise<ThreadDto> {
    return this.threads.changeState(user, id, body.state, body.version);
  }

  @Post('threads/:id/satisfaction')
  @Allow('MAYOR', 'COLLABORATOR')
  rate(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: SatisfactionDto): Promise<ThreadDto> {
    return this.threads.rate(user, id, body);
  }

  @Put('threads/:id/assignee')
  @Allow('AGENT', 'ADMIN')
  assign(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: AssignThreadDto): Promise<ThreadDto> {
    return this.triage.assign(user, id, body.assigneeId);
  }

  @Put('threads/:id/labels')
  @Allow('AGENT', 'ADMIN')
  setLabels(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: SetThreadLabelsDto): Promise<ThreadDto> {
    return this.triage.setLabels(user, id, body.labelIds);
  }

  @Get('threads/:id/answer-templates')
  @Allow('AGENT', 'ADMIN')
  templates(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<FilledTemplateDto[]> {
    return this.triage.templatesFor(user, id);
  }

  @Patch('messages/:id')
  editMessage(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: EditMessageDto): Promise<MessageDto> {
    return this.threads.editMessage(user, id, body.body);
  }

  @Get('messages/:id/revisions')
  revisions(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<MessageRevisionDto[]> {
    return this.threads.revisions(user, id);
  }
}
