import { ConsoleLogger } from '@nestjs/common';

/** Nest's start-up chatter (one line per module and per route) says nothing a user of `npm start` needs. */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

export class AppLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && START_UP_CONTEXTS.has(context)) {
      return;
    }
    super.log(message, context);
  }
}
