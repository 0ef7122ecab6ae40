import type { FactoryProvider } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { LocalFileStorage } from './file-storage';
import { fileStorageProvider } from './file-storage.provider';
import { S3FileStorage } from './s3-file-storage';

describe('fileStorageProvider', () => {
  const make = (env: Record<string, string>) => (fileStorageProvider as FactoryProvider).useFactory(loadConfig(env, '/srv/passerelle')) as unknown;

  it('stores on the local disk when nothing is configured', () => {
    expect(make({})).toBeInstanceOf(LocalFileStorage);
  });

  it('stores in the bucket when S3_BUCKET is set', () => {
    const storage = make({ S3_BUCKET: 'passerelle', S3_REGION: 'garage', S3_ENDPOINT: 'http://garage:3900' });
    expect(storage).toBeInstanceOf(S3FileStorage);
    (storage as S3FileStorage).onModuleDestroy();
  });
});
