import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AccountDeletionDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../../common/access/access.decorators';
import type { AuthUser } from '../../common/access/auth-user';
import { CanonicalId } from '../../common/http/id.pipe';
import { AccountDeletionService } from './account-deletion.service';
import { AdminAccountDeletionDto } from './dto/account-deletion.dto';

/** A département admin deletes an account on its owner's request (an agent, or a member of one of its communes). */
@ApiBearerAuth()
@ApiTags('Données personnelles')
@Controller('users/:id/deletion')
@Allow('ADMIN')
export class UserDeletionController {
  constructor(private readonly deletion: AccountDeletionService) {}

  @Post()
  request(
    @CurrentUser() admin: AuthUser,
    @Param('id', CanonicalId) id: string,
    @Body() body: AdminAccountDeletionDto,
    @Meta() meta: RequestMeta,
  ): Promise<AccountDeletionDto> {
    return this.deletion.requestForUser(admin, id, body.reason, meta);
  }

  @Delete()
  @HttpCode(204)
  async cancel(@CurrentUser() admin: AuthUser, @Param('id', CanonicalId) id: string, @Meta() meta: RequestMeta): Promise<void> {
    await this.deletion.cancelForUser(admin, id, meta);
  }
}
