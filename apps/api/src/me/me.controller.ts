import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { MeDto, Page, RecoveryCodesDto, SessionDto, TotpSetupDto } from '@passerelle/shared/dto';
import { CurrentUser, Meta, type RequestMeta, SignedIn } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { ChangePasswordDto, DisableTotpDto, TotpConfirmDto, UpdateMeDto } from './dto/me.dto';
import { MeService } from './me.service';
import { CanonicalId } from '../common/http/id.pipe';

const MINUTE = 60_000;

@ApiBearerAuth()
@ApiTags('Mon compte')
@Controller('me')
@SignedIn()
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Header('cache-control', 'no-store')
  get(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.me.me(user);
  }

  @Patch()
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto, @Meta() meta: RequestMeta): Promise<MeDto> {
    return this.me.update(user, body.displayName, meta);
  }

  @Post('password')
  @HttpCode(204)
  @Throttle({ default: { limit: 10, ttl: 15 * MINUTE } })
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto, @Meta() meta: RequestMeta): Promise<void> {
    await this.me.changePassword(user, body.currentPassword, body.newPassword, meta);
  }

  @Get('sessions')
  @Header('cache-control', 'no-store')
  async sessions(@CurrentUser() user: AuthUser): Promise<Page<SessionDto>> {
    const items = await this.me.listSessions(user);
    return { items, total: items.length, limit: items.length, offset: 0 };
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  async endSession(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Meta() meta: RequestMeta): Promise<void> {
    await this.me.endSession(user, id, meta);
  }

  @Post('totp/setup')
  @HttpCode(200)
  startTotp(@CurrentUser() user: AuthUser): Promise<TotpSetupDto> {
    return this.me.startTotp(user);
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @Throttle({ default: { limit: 10, ttl: MINUTE } })
  confirmTotp(@CurrentUser() user: AuthUser, @Body() body: TotpConfirmDto, @Meta() meta: RequestMeta): Promise<RecoveryCodesDto> {
    return this.me.confirmTotp(user, body.code, meta);
  }

  @Post('totp/disable')
  @HttpCode(204)
  @Throttle({ default: { limit: 10, ttl: 15 * MINUTE } })
  async disableTotp(@CurrentUser() user: AuthUser, @Body() body: DisableTotpDto, @Meta() meta: RequestMeta): Promise<void> {
    await this.me.disableTotp(user, body.password, meta);
  }

  @Post('totp/recovery-codes')
  @HttpCode(200)
  renewRecoveryCodes(@CurrentUser() user: AuthUser, @Meta() meta: RequestMeta): Promise<RecoveryCodesDto> {
    return this.me.renewRecoveryCodes(user, meta);
  }
}
