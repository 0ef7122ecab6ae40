import { Module } from '@nestjs/common';
import { ThreadFactsRepository } from './thread-facts.repository';
import { ThreadFactsService } from './thread-facts.service';

/** The questions' fact table, kept by the threads' service and rebuilt each night; read by the indicators. */
@Module({ providers: [ThreadFactsRepository, ThreadFactsService], exports: [ThreadFactsService] })
export class ThreadFactsModule {}
