import { type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerStorage, type ThrottlerModuleOptions, getOptionsToken, getStorageToken } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TokensService } from './tokens.service';

const BEARER = /^Bearer\s+(\S+)$/i;
const LIMIT_READS = 'passerelle:limit-reads';

/** A read limited like the writes (per account): one that costs the database at every keystroke, e.g. suggestions. */
export const LimitReads = () => SetMetadata(LIMIT_READS, true);

/**
 * Rate limits on every write (sign-in, reset and invitations have stricter limits of their own). Signed-in
 * writes count per account: a département's agents and a town hall's staff share one public address, and one
 * busy office must not lock out its colleagues. Anonymous writes count per client address. Reads are not
 * limited here (the public pages must stay fast, and they are cached), but those marked `@LimitReads()`.
 */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  constructor(
    @Inject(getOptionsToken()) options: ThrottlerModuleOptions,
    @Inject(getStorageToken()) storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokensService,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (!this.config.rateLimit) {
      return true;
    }
    const method = context.switchToHttp().getRequest<FastifyRequest>().method;
    const read = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
    return read && !this.reflector.getAllAndOverride<boolean>(LIMIT_READS, [context.getHandler(), context.getClass()]);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const req = request as unknown as FastifyRequest;
    const bearer = BEARER.exec(req.headers.authorization ?? '')?.[1];
    const userId = bearer ? this.tokens.accessSubject(bearer) : null;
    return userId ? `user:${userId}` : `ip:${req.ip}`;
  }
}
