import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedResponse, LoginResponse, TotpEnrolmentCompletedResponse, TotpSetupDto } from '@passerelle/shared/dto';
import { Meta, Public, type RequestMeta } from '../common/access/access.decorators';
import { DomainException } from '../common/exceptions/domain.exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type SignedIn, AuthService } from './auth.service';
import { LoginDto, LoginTotpDto, PasswordResetCheckDto, PasswordResetConfirmDto, PasswordResetDto, TotpEnrolmentConfirmDto, TotpEnrolmentStartDto } from './dto/auth.dto';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

const MINUTE = 60_000;

@ApiTags('Authentification')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Limited by failures per account and per address (SignInLimits), not by a count of requests. */
  @Post('login')
  @Public()
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Meta() meta: RequestMeta, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    const outcome = await this.auth.login(body.email, body.password, meta);
    return 'refresh' in outcome ? this.signedIn(outcome, reply) : outcome;
  }

  /** Limited by wrong codes per challenge and per account (SignInLimits). */
  @Post('login/totp')
  @Public()
  @HttpCode(200)
  async loginTotp(@Body() body: LoginTotpDto, @Meta() meta: RequestMeta, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthenticatedResponse> {
    return this.signedIn(await this.auth.loginWithSecondFactor(body.challengeToken, body.code, meta), reply);
  }

  @Post('totp/enrolment/start')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 10, ttl: MINUTE } })
  startEnrolment(@Body() body: TotpEnrolmentStartDto): Promise<TotpSetupDto> {
    return this.auth.startEnrolment(body.challengeToken);
  }

  @Post('totp/enrolment/confirm')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 10, ttl: MINUTE } })
  async confirmEnrolment(
    @Body() body: TotpEnrolmentConfirmDto,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TotpEnrolmentCompletedResponse> {
    return this.signedIn(await this.auth.confirmEnrolment(body.challengeToken, body.code, meta), reply);
  }

  /** Public: the refresh cookie is the credential (the access token may have expired). */
  @Post('refresh')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 60, ttl: MINUTE } })
  async refresh(@Req() request: FastifyRequest, @Meta() meta: RequestMeta, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthenticatedResponse> {
    try {
      return this.signedIn(await this.auth.refresh(readRefreshCookie(request), meta), reply);
    } catch (error) {
      // Only a refused session signs the browser out; an outage (503) or a bug keeps the cookie for the next try.
      if (error instanceof DomainException && error.kind === 'UNAUTHENTICATED') {
        clearRefreshCookie(reply, this.config);
      }
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Meta() meta: RequestMeta, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(readRefreshCookie(request), meta);
    clearRefreshCookie(reply, this.config);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @Throttle({ default: { limit: 5, ttl: 15 * MINUTE } })
  requestPasswordReset(@Body() body: PasswordResetDto, @Meta() meta: RequestMeta): void {
    this.auth.requestPasswordReset(body.email, meta);
  }

  /**
   * Lets the page say that a link is dead before the new password is typed; the link stays usable. A POST with
   * the token in the body: the token is a credential, kept out of URLs (proxy logs) and counted like every write.
   */
  @Post('password-reset/check')
  @Public()
  @HttpCode(204)
  @Throttle({ default: { limit: 10, ttl: 15 * MINUTE } })
  async checkPasswordReset(@Body() body: PasswordResetCheckDto): Promise<void> {
    await this.auth.assertPasswordResetUsable(body.token);
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(204)
  @Throttle({ default: { limit: 10, ttl: 15 * MINUTE } })
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto, @Meta() meta: RequestMeta): Promise<void> {
    await this.auth.confirmPasswordReset(body.token, body.password, meta);
  }

  private signedIn<T extends AuthenticatedResponse>(outcome: SignedIn<T>, reply: FastifyReply): T {
    setRefreshCookie(reply, outcome.refresh, this.config);
    void reply.header('cache-control', 'no-store');
    return outcome.body;
  }
}
