import { Logger } from '@nestjs/common';
import { runCliCommand } from './cli-command';
import { AppLogger, createRootLogger } from './common/app-logger';
import { ConfigError, loadConfig } from './config/app-config';
import { withLocalSecrets } from './config/local-secrets';

const logger = new Logger('CLI');

async function run(argv: string[]): Promise<number> {
  const config = withLocalSecrets(loadConfig(process.env));
  const nestLogger = new AppLogger(createRootLogger({ level: config.logLevel, pretty: config.env === 'development' && process.stdout.isTTY === true }));
  Logger.overrideLogger(nestLogger);
  return runCliCommand(argv, config, {
    logger,
    nestLogger,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      logger.error(error instanceof Error ? error.message : String(error));
    }
    process.exit(1);
  },
);
