import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { NotificationPageDto, NotificationPreferenceDto, UnreadCountDto, UnsubscribeResultDto } from '@passerelle/shared/dto';
import { CurrentUser, Public, SignedIn } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { NotificationListQueryDto, UnsubscribeDto, UnsubscribeQueryDto, UpdateNotificationPreferencesDto } from './dto/notification-requests.dto';
import { NotificationsService } from './notifications.service';
import { CanonicalId } from '../common/http/id.pipe';

@ApiBearerAuth()
@ApiTags('Notifications')
@Controller()
@SignedIn()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @Header('cache-control', 'no-store')
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationListQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(user, query.unread, query.limit, query.offset);
  }

  @Get('notifications/unread-count')
  @Header('cache-control', 'no-store')
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(user) };
  }

  @Post('notifications/read-all')
  @HttpCode(204)
  async readAll(@CurrentUser() user: AuthUser): Promise<void> {
    await this.notifications.markAllRead(user);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  async read(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<void> {
    await this.notifications.markRead(user, id);
  }

  @Get('me/notification-preferences')
  preferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferenceDto[]> {
    return this.notifications.preferences(user);
  }

  @Put('me/notification-preferences')
  updatePreferences(@CurrentUser() user: AuthUser, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferenceDto[]> {
    return this.notifications.updatePreferences(user, body.preferences);
  }

  /** What the link of an e-mail would turn off; changes nothing (mail scanners open links). */
  @Get('notifications/unsubscribe')
  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  describeUnsubscribe(@Query() query: UnsubscribeQueryDto): Promise<UnsubscribeResultDto> {
    return this.notifications.describeUnsubscribe(query.token);
  }

  @Post('notifications/unsubscribe')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  unsubscribe(@Body() body: UnsubscribeDto): Promise<UnsubscribeResultDto> {
    return this.notifications.unsubscribe(body.token);
  }
}
