import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FileStorage, LocalFileStorage } from './file-storage';
import { S3FileStorage } from './s3-file-storage';

/** The S3 bucket when `S3_BUCKET` is set (several instances share it), otherwise the local `STORAGE_DIR`. */
export const fileStorageProvider: Provider = {
  provide: FileStorage,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): FileStorage => (config.s3 ? new S3FileStorage(config) : new LocalFileStorage(config)),
};
