import { Global, Module } from '@nestjs/common';
import { DevMailsController } from './dev-mails.controller';
import { MailService } from './mail.service';

@Global()
@Module({ controllers: [DevMailsController], providers: [MailService], exports: [MailService] })
export class MailModule {}
