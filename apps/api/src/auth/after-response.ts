import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

/**
 * Work that must not delay an answer (so that the answer's timing tells nothing, as for password-reset requests):
 * it starts once the current request has been handled; its errors are logged, never thrown at a client. Work still
 * running when the application stops is awaited before the database connections close.
 */
@Injectable()
export class AfterResponse implements OnModuleDestroy {
  private readonly logger = new Logger(AfterResponse.name);
  private readonly running = new Set<Promise<void>>();

  run(label: string, work: () => Promise<void>): void {
    const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => {
        this.logger.error(`${label} : échec (${error instanceof Error ? error.message : String(error)})`, error instanceof Error ? error.stack : undefined);
      })
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
