import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import etag from '@fastify/etag';
import fastifyStatic from '@fastify/static';
import { Logger, type LogLevel } from '@nestjs/common';
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { HelmetOptions } from 'helmet';
import { AppModule } from './app.module';
import { AppLogger, createRootLogger, levelOf } from './common/app-logger';
import { ApiExceptionFilter } from './common/exceptions/api-exception.filter';
import { HTTP_TIMEOUTS, type HttpTimeouts, registerHttpEdge, serverTimeoutOptions } from './common/http/http-edge';
import { securityHeaders } from './common/http/security-headers';
import { sendSerializedJson } from './common/http/serialized-json';
import { createValidationPipe } from './common/http/validation';
import type { AppConfig } from './config/app-config';
import { registerProjectPages } from './public-portal/project-pages';
import { MAX_UPLOAD_BYTES } from '@passerelle/shared/dto';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
/** Angular's output names carry a content hash: those files never change and can be cached for a year. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(?:js|css|woff2?)$/;

export interface CreateAppOptions {
  /** Overrides `LOG_LEVEL` (tests keep quiet with `false` or `['error']`). */
  logger?: LogLevel[] | false;
  /** Where the JSON log lines go (tests read them); standard output by default. */
  logDestination?: DestinationStream;
  /** Shorter deadlines let a test watch a trickling client being cut off. */
  timeouts?: Partial<HttpTimeouts>;
}

/** The whole HTTP application, as `main.ts` serves it and as the integration tests drive it. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const log = createRootLogger({
    level: options.logger === undefined ? config.logLevel : levelOf(options.logger),
    destination: options.logDestination,
    pretty: !options.logDestination && config.env === 'development' && process.stdout.isTTY === true,
  });
  const adapter = new FastifyAdapter({
    // Correlation id: reuse a sane one set by a proxy, else make one; it is echoed back and logged.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    // `request.ip` (rate limits, sessions, audit log) is the forwarded address only behind a configured proxy.
    trustProxy: config.trustProxy === false || typeof config.trustProxy === 'number' ? config.trustProxy : [...config.trustProxy],
    ...serverTimeoutOptions({ ...HTTP_TIMEOUTS, ...options.timeouts }),
    // Fastify's own messages (a stream failing mid-response…) through the same pino, warnings and errors only:
    // its "listening" line would break the plain start banner, and its two lines per request (with the raw URL)
    // give way to the one logged below.
    loggerInstance: log.child({ context: 'Fastify' }, { level: log.levelVal > 40 ? log.level : 'warn' }),
    // Fastify would bind a child logger to every request for those rare lines: a fifth of a small answer's cost.
    // They go out without the request id (the access line below carries it), and no request line is logged here.
    childLoggerFactory: (logger: FastifyBaseLogger) => logger,
    disableRequestLogging: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    // Bodies are parsed by registerHttpEdge's JSON parser only (Nest's would also accept forms).
    bodyParser: false,
    logger: new AppLogger(log),
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  await registerHttpPlugins(app, config, log);
  setUpOpenApi(app);
  await serveWebApp(app, config);
  return app;
}

async function registerHttpPlugins(app: NestFastifyApplication, config: AppConfig, log: PinoLogger): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const security = securityHeaders(helmetOptions(config));

  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.headers(security).header('x-request-id', request.id);
    done();
  });
  // After the correlation id (a refused request still carries it), before any plugin adds its body parser.
  registerHttpEdge(fastify);
  sendSerializedJson(fastify);
  // One JSON line per request: id, user, method, route pattern (never the raw URL, which may carry a token),
  // status, time. No header and no body: nothing secret can leak through here.
  // Its fields are the ones below and nothing else: the redaction of the other lines has nothing to look at.
  const access = log.child({}, { redact: [] });
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const status = reply.statusCode;
    access[status >= 500 ? 'warn' : 'info'](
      {
        reqId: request.id,
        userId: (request as FastifyRequest & { user?: { id?: string } }).user?.id ?? null,
        method: request.method,
        route: request.routeOptions.url ?? null,
        status,
        durationMs: Math.round(reply.elapsedTime),
      },
      'requête',
    );
    done();
  });
  await app.register(cookie);
  // Files are streamed by the documents route (its own limits); nothing is buffered or written by the plugin.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(etag);
}

/** Helmet's options: a strict policy (same-origin scripts, no framing), the tile server's images allowed. */
function helmetOptions(config: AppConfig): HelmetOptions {
  const tileOrigin = config.tileUrl ? new URL(config.tileUrl.replace(/\{[a-z]+\}/g, 'a')).origin : null;
  const tileSources = tileOrigin ? [tileOrigin.replace('://a.', '://*.')] : [];
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Angular and Leaflet set styles at run time; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileSources],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.publicUrl.startsWith('https:') ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https:') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  };
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Passerelle — API')
      .setDescription(
        'API du portail Passerelle (département et communes). Réponses JSON ; listes `{ items, total, limit, offset }` ' +
          'avec `limit` ≤ 100 ; erreurs `{ code, message, errors?, requestId }` en français.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Jeton d’accès renvoyé par POST /api/auth/login (10 minutes).' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}

/** The built front end on `/`, with the SPA fallback: any other GET outside `/api` answers `index.html`. */
async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const webDir = config.webDir;
  if (!webDir || !existsSync(join(webDir, 'index.html'))) {
    if (config.env === 'production') {
      new Logger('Web').warn(`Front end introuvable (${webDir ?? 'WEB_DIR vide'}) : seule l’API est servie.`);
    }
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  registerProjectPages(app, readFileSync(join(webDir, 'index.html'), 'utf8'), config.publicUrl);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
