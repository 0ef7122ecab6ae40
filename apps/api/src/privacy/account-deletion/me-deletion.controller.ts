import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { AccountDeletionDto } from '@passerelle/shared/dto';
import { CurrentUser, Meta, type RequestMeta, SignedIn } from '../../common/access/access.decorators';
import type { AuthUser } from '../../common/access/auth-user';
import { AccountDeletionService } from './account-deletion.service';
import { RequestAccountDeletionDto } from './dto/account-deletion.dto';

const MINUTE = 60_000;

@ApiBearerAuth()
@ApiTags('Mon compte')
@Controller('me/deletion')
@SignedIn()
export class MeDeletionController {
  constructor(private readonly deletion: AccountDeletionService) {}

  /** Disables the account at once (this session included) and deletes it after the grace period. */
  @Post()
  @Throttle({ default: { limit: 10, ttl: 15 * MINUTE } })
  request(@CurrentUser() user: AuthUser, @Body() body: RequestAccountDeletionDto, @Meta() meta: RequestMeta): Promise<AccountDeletionDto> {
    return this.deletion.requestOwn(user, body.password, meta);
  }
}
