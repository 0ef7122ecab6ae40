import { Module } from '@nestjs/common';
import { LiveController } from './live.controller';
import { LiveEvents } from './live-events';
import { LiveStreams } from './live-streams';

/** Live pages: `GET /api/events` and what features call to publish (kinds and ids, after their commit). */
@Module({
  controllers: [LiveController],
  providers: [LiveStreams, LiveEvents],
  exports: [LiveEvents],
})
export class LiveModule {}
