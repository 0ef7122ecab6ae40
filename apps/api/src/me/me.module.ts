import { Module } from '@nestjs/common';
import { MeController } from './me.controller';
import { MeService } from './me.service';

/**
 * The signed-in user's own account (profile, password, second factor, sessions). It sits on top of `auth/`
 * (sessions, TOTP, password rules) and `accounts/` (the users' store), so neither of those depends on it.
 */
@Module({ controllers: [MeController], providers: [MeService] })
export class MeModule {}
