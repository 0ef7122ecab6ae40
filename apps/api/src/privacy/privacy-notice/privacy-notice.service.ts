import { Inject, Injectable } from '@nestjs/common';
import type { PrivacyNoticeDto } from '@passerelle/shared/dto';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { buildPrivacyNotice } from './privacy-notice';
import { PrivacyNoticeRepository } from './privacy-notice.repository';
import { processingRegisterCsv } from './processing-register-csv';

/** The page « Données personnelles » and the register of processing activities, both read from the configuration. */
@Injectable()
export class PrivacyNoticeService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: PrivacyNoticeRepository,
  ) {}

  async notice(): Promise<PrivacyNoticeDto> {
    const code = this.config.defaultDepartementCode;
    const name = await this.repository.departementName(code);
    return buildPrivacyNotice(this.config.privacy, `Département ${name ?? code}`);
  }

  async *registerCsv(): AsyncGenerator<string> {
    yield* processingRegisterCsv(await this.notice());
  }

  registerFileName(): string {
    return `registre-des-traitements-${this.config.defaultDepartementCode}.csv`;
  }
}
