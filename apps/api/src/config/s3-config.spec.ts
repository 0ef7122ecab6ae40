import { ConfigError, loadConfig } from './app-config';
import { readS3Config } from './s3-config';

describe(readS3Config.name, () => {
  const read = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { config: readS3Config(env, problems), problems };
  };
  const garage = {
    S3_BUCKET: 'passerelle-documents',
    S3_ENDPOINT: 'http://garage:3900/',
    S3_REGION: 'garage',
    S3_ACCESS_KEY_ID: 'GK0123',
    S3_SECRET_ACCESS_KEY: 'secret',
  };

  it('keeps the local disk when no S3 variable is set (npm start unchanged)', () => {
    expect(read({})).toEqual({ config: null, problems: [] });
    expect(loadConfig({}).s3).toBeNull();
  });

  it('reads a Garage or SeaweedFS setup: path-style addressing by default with an endpoint', () => {
    expect(read(garage)).toEqual({
      config: {
        bucket: 'passerelle-documents',
        endpoint: 'http://garage:3900',
        region: 'garage',
        credentials: { accessKeyId: 'GK0123', secretAccessKey: 'secret' },
        forcePathStyle: true,
      },
      problems: [],
    });
    expect(read({ ...garage, S3_FORCE_PATH_STYLE: 'false' }).config?.forcePathStyle).toBe(false);
  });

  it('reads Amazon S3 itself: no endpoint, host-style addressing, credentials from the SDK’s chain', () => {
    expect(read({ S3_BUCKET: 'passerelle', S3_REGION: 'eu-west-3' }).config).toEqual({
      bucket: 'passerelle',
      endpoint: null,
      region: 'eu-west-3',
      credentials: null,
      forcePathStyle: false,
    });
  });

  it.each([
    [{ S3_BUCKET: 'passerelle' }, /^S3_REGION : obligatoire avec S3_BUCKET/],
    [{ S3_ENDPOINT: 'http://garage:3900', S3_REGION: 'garage' }, /^S3_BUCKET : obligatoire quand S3_ENDPOINT, S3_REGION sont renseignées/],
    [{ ...garage, S3_BUCKET: 'Mon_Seau' }, /^S3_BUCKET : nom de seau invalide/],
    [{ ...garage, S3_ENDPOINT: 'garage:3900' }, /^S3_ENDPOINT : URL http:\/\/… ou https:\/\/… attendue/],
    [{ ...garage, S3_SECRET_ACCESS_KEY: '' }, /^S3_ACCESS_KEY_ID et S3_SECRET_ACCESS_KEY : renseignez les deux/],
    [{ ...garage, S3_FORCE_PATH_STYLE: 'peut-être' }, /^S3_FORCE_PATH_STYLE : doit valoir true ou false/],
  ])('refuses %j with a French message naming the variable', (env, message) => {
    const { config, problems } = read(env);
    expect(config).toBeNull();
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('stops the start with every problem listed', () => {
    expect(() => loadConfig({ S3_BUCKET: 'passerelle', S3_FORCE_PATH_STYLE: 'x' })).toThrow(ConfigError);
    expect(() => loadConfig({ S3_BUCKET: 'passerelle', S3_FORCE_PATH_STYLE: 'x' })).toThrow(/S3_REGION : obligatoire[\s\S]*S3_FORCE_PATH_STYLE : doit valoir/);
  });
});
