import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type DestinationStream, type Level, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';

export type AppLogLevel = Level | 'silent';

export const APP_LOG_LEVELS: readonly AppLogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Nest's start-up chatter (one line per module and per route) says nothing a user of `npm start` needs. */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

export interface RootLoggerOptions {
  level: AppLogLevel;
  /** Where the JSON lines go (tests capture them); standard output by default. */
  destination?: DestinationStream;
  /** Human-readable lines instead of JSON: development in a terminal. */
  pretty?: boolean;
}

/**
 * The one pino logger of the process: JSON lines (user text inside them is JSON-escaped, so a CR/LF or an ANSI
 * escape in a subject cannot forge a line), never a header that carries a secret.
 */
export function createRootLogger(options: RootLoggerOptions): PinoLogger {
  const destination =
    options.destination ??
    (options.pretty
      ? pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })
      : // Written in the background: the lines that arrive during a write go out together with the next one, and
        // pino writes what is left when the process exits. A synchronous write per line cost 5 % of a request.
        pino.destination({ sync: false }));
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: isoTimeOncePerMillisecond,
      // Nothing here logs headers or bodies; should anything start to, these never reach the log.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'headers.authorization', 'headers.cookie', '*.password', '*.token'],
        censor: '[masqué]',
      },
    },
    destination,
  );
}

let lastMillisecond = 0;
let lastTime = '';

/** pino's ISO time, formatted once per millisecond: under load, many lines share it (a tenth of a line's cost). */
function isoTimeOncePerMillisecond(): string {
  const now = Date.now();
  if (now !== lastMillisecond) {
    lastMillisecond = now;
    lastTime = `,"time":"${new Date(now).toISOString()}"`;
  }
  return lastTime;
}

/** The level of the tests' `logger: ['error']`-style options. */
export function levelOf(levels: LogLevel[] | false): AppLogLevel {
  if (levels === false || levels.length === 0) {
    return 'silent';
  }
  const order: [LogLevel, AppLogLevel][] = [
    ['verbose', 'trace'],
    ['debug', 'debug'],
    ['log', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
    ['fatal', 'fatal'],
  ];
  return order.find(([nest]) => levels.includes(nest))?.[1] ?? 'info';
}

/**
 * Nest's logger (and every `new Logger('X')` of the code) through pino: one JSON line per message, the context as
 * a field, the stack of an error as a field of the same line.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: PinoLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    const { context } = split(params);
    if (context && START_UP_CONTEXTS.has(context)) {
      return;
    }
    this.write('info', message, context);
  }

  error(message: unknown, ...params: unknown[]): void {
    const { context, rest } = split(params);
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    this.write('error', message, context, stack);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, split(params).context);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, split(params).context);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, split(params).context);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, split(params).context);
  }

  private write(level: Level, message: unknown, context: string | undefined, stack?: string): void {
    const fields: Record<string, unknown> = {};
    if (context) {
      fields['context'] = context;
    }
    if (stack) {
      fields['stack'] = stack;
    }
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}

/** Nest passes the context last (a string); an error's stack comes before it. */
function split(params: unknown[]): { context: string | undefined; rest: unknown[] } {
  if (params.length === 0) {
    return { context: undefined, rest: [] };
  }
  const last = params[params.length - 1];
  return typeof last === 'string' || last === undefined
    ? { context: last as string | undefined, rest: params.slice(0, -1) }
    : { context: undefined, rest: params };
}
