import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { LiveModule } from '../live/live.module';
import { UsersRepository } from '../accounts/users.repository';
import { AccessGuard } from './access.guard';
import { AfterResponse } from './after-response';
import { REDIS_CONNECTION, type RedisConnection } from '../cluster/redis-connection';
import { AttemptCounters, PostgresAttemptCounters } from './attempt-counters';
import { RedisAttemptCounters } from './attempt-counters.redis';
import { AttemptCountersRepository } from './attempt-counters.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { PasswordResetsRepository } from './password-resets.repository';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { SignInLimits } from './sign-in-limits';
import { TokensService } from './tokens.service';
import { TotpService } from './totp.service';
import { WriteThrottlerGuard } from './write-throttler.guard';

@Global()
@Module({
  imports: [PassportModule, LiveModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsService,
    TokensService,
    TotpService,
    UsersRepository,
    SessionsRepository,
    PasswordResetsRepository,
    RecoveryCodesRepository,
    AttemptCountersRepository,
    JwtStrategy,
    PostgresAttemptCounters,
    // In Redis with `REDIS_URL`, in PostgreSQL otherwise: either way shared by every instance.
    {
      provide: AttemptCounters,
      inject: [REDIS_CONNECTION, PostgresAttemptCounters],
      useFactory: (redis: RedisConnection | null, postgres: PostgresAttemptCounters) => (redis ? new RedisAttemptCounters(redis, postgres) : postgres),
    },
    SignInLimits,
    AfterResponse,
    // Order matters: rate limits first (also for failed sign-ins), then authentication and roles.
    { provide: APP_GUARD, useClass: WriteThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, SessionsService, TokensService, TotpService, UsersRepository, RecoveryCodesRepository, AttemptCounters, AfterResponse],
})
export class AuthModule {}
