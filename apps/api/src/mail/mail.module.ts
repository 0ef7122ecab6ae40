import { Global, Module } from '@nestjs/common';
import { DevMailsController } from './dev-mails.controller';
import { FailedMailsController } from './failed-mails.controller';
import { FailedMailsService } from './failed-mails.service';
import { MailDispatcher } from './mail-dispatcher';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailTransport } from './mail-transport';
import { MailService } from './mail.service';

@Global()
@Module({
  controllers: [DevMailsController, FailedMailsController],
  providers: [MailService, MailDispatcher, MailOutboxRepository, MailTransport, FailedMailsService],
  exports: [MailService, MailDispatcher, MailOutboxRepository],
})
export class MailModule {}
