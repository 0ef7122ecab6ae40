import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The current time, from one place: due dates, edit windows and digests depend on it, and the tests move it to a
 * Friday evening or a public holiday instead of waiting for one.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
