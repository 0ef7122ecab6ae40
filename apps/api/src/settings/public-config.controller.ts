import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicConfigDto } from '@passerelle/shared/dto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { Public } from '../common/access/access.decorators';

/** What the front end needs to know of the installation; nothing secret. */
@ApiTags('Configuration')
@Controller('config')
@Public()
export class PublicConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Header('cache-control', 'public, max-age=60')
  get(): PublicConfigDto {
    return {
      defaultDepartementCode: this.config.defaultDepartementCode,
      tileUrl: this.config.tileUrl,
      tileAttribution: this.config.tileAttribution,
      demoMode: this.config.demoMode,
      demoAccounts: this.config.demoMode
        ? DEMO_ACCOUNTS.map(({ email, displayName, description }) => ({ email, displayName, description }))
        : [],
    };
  }
}
