import { ConfigError, DEFAULT_TILE_URL, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  const load = (env: Record<string, string>) => loadConfig(env, '/srv/passerelle');

  it('has working defaults for a newcomer: port 3000, embedded database, demo mode, data under .data', () => {
    const config = load({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      databaseUrl: null,
      dataDir: '/srv/passerelle/.data',
      storageDir: '/srv/passerelle/.data/storage',
      demoMode: true,
      tileUrl: DEFAULT_TILE_URL,
      webDir: '/srv/passerelle/dist/apps/web/browser',
      notificationIntervalSeconds: 60,
    });
  });

  it('migrates at start unless MIGRATIONS_AT_START=false (a release step runs `npm run migrate`)', () => {
    expect(load({}).migrationsAtStart).toBe(true);
    expect(load({ MIGRATIONS_AT_START: 'false' }).migrationsAtStart).toBe(false);
  });

  it('reads the documented variables', () => {
    const config = load({
      PORT: '8080',
      DATABASE_URL: 'postgresql://u:p@db:5432/passerelle',
      PUBLIC_URL: 'https://passerelle.example.fr/',
      STORAGE_DIR: '/var/lib/passerelle',
      SMTP_URL: 'smtp://mail:1025',
      DEMO_MODE: 'false',
      TILE_URL: 'none',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://u:p@db:5432/passerelle',
      publicUrl: 'https://passerelle.example.fr',
      storageDir: '/var/lib/passerelle',
      smtpUrl: 'smtp://mail:1025',
      demoMode: false,
      tileUrl: null,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_URL', 'pas une url'],
    ['PUBLIC_URL', 'ftp://example.fr'],
    ['SMTP_URL', 'http://mail'],
    ['DEMO_MODE', 'peut-être'],
    ['NODE_ENV', 'staging'],
    ['TILE_URL', 'https://tiles.example.fr/tile.png'],
    ['JWT_ACCESS_SECRET', 'trop-court'],
    ['ENCRYPTION_KEY', 'trop-court'],
    ['RATE_LIMIT', 'parfois'],
    ['DEMO_PASSWORD', 'court'],
    ['DEFAULT_DEPARTEMENT', '999'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '10.0.0.300'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '11'],
  ])('stops with a message naming %s when it is %p', (name, value) => {
    expect(() => load({ [name]: value })).toThrow(ConfigError);
    try {
      load({ [name]: value });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(new RegExp(`^${name} : `))]);
    }
  });

  it('trusts no proxy by default, in every mode, so X-Forwarded-For is ignored', () => {
    const secret = 'x'.repeat(32);
    expect(load({}).trustProxy).toBe(false);
    expect(load({ NODE_ENV: 'production', JWT_ACCESS_SECRET: secret, JWT_REFRESH_SECRET: secret, ENCRYPTION_KEY: secret }).trustProxy).toBe(false);
    expect(load({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('reads TRUST_PROXY as a hop count or as the addresses and ranges of the proxies', () => {
    expect(load({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(load({ TRUST_PROXY: ' 172.30.0.10 , 10.0.0.0/8,fd00::/8, ::1 ,loopback' }).trustProxy).toEqual([
      '172.30.0.10',
      '10.0.0.0/8',
      'fd00::/8',
      '::1',
      'loopback',
    ]);
  });

  it('reads LOG_LEVEL (info by default) and refuses an unknown level', () => {
    expect(load({}).logLevel).toBe('info');
    expect(load({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(() => load({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL : valeur attendue parmi fatal, error, warn, info, debug, trace, silent/);
  });

  it('reads GEOCODER_URL: the Base Adresse Nationale by default, `none` turns the address search off', () => {
    expect(load({}).geocoderUrl).toBe('https://api-adresse.data.gouv.fr');
    expect(load({ GEOCODER_URL: 'http://ban.local:7878/' }).geocoderUrl).toBe('http://ban.local:7878');
    expect(load({ GEOCODER_URL: 'none' }).geocoderUrl).toBeNull();
    expect(() => load({ GEOCODER_URL: 'ftp://ban.local' })).toThrow(/GEOCODER_URL : le protocole doit être http: ou https:/);
  });

  it('reads REDIS_URL: none by default (everything in this process), redis: or rediss: otherwise', () => {
    expect(load({}).redisUrl).toBeNull();
    expect(load({ REDIS_URL: 'redis://cache:6379/0' }).redisUrl).toBe('redis://cache:6379/0');
    expect(load({ REDIS_URL: 'rediss://:secret@cache.example:6380' }).redisUrl).toBe('rediss://:secret@cache.example:6380');
    expect(() => load({ REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL : le protocole doit être redis: ou rediss:/);
  });

  it('reads INSTALLATION_ADMINS: nobody by default, else lower-case addresses, each once', () => {
    expect(load({}).installationAdmins).toEqual([]);
    expect(load({ INSTALLATION_ADMINS: ' Admin@Valdoise.example, dsi@region.example,admin@valdoise.example ' }).installationAdmins).toEqual([
      'admin@valdoise.example',
      'dsi@region.example',
    ]);
    expect(() => load({ INSTALLATION_ADMINS: 'admin@valdoise.example, personne' })).toThrow(/INSTALLATION_ADMINS : .*invalides : personne/);
  });

  it('reads VIDEO_HOSTS: none by default, else lower-case host names, each once', () => {
    expect(load({}).videoHosts).toEqual([]);
    expect(load({ VIDEO_HOSTS: ' Video.Valdoise.fr, tube.example.org,video.valdoise.fr' }).videoHosts).toEqual(['video.valdoise.fr', 'tube.example.org']);
    expect(() => load({ VIDEO_HOSTS: 'https://video.valdoise.fr/' })).toThrow(/VIDEO_HOSTS : .*invalides : https:\/\/video.valdoise.fr\//);
  });

  it('lists every problem at once', () => {
    expect(() => load({ PORT: 'x', DATABASE_URL: 'y' })).toThrow(/PORT : .*\n.*DATABASE_URL : /s);
  });

  it('requires the JWT secrets in production, where nothing is generated', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET : obligatoire en production/);
    const secret = 'x'.repeat(32);
    expect(() => load({ NODE_ENV: 'production', JWT_ACCESS_SECRET: secret, JWT_REFRESH_SECRET: secret })).toThrow(
      /ENCRYPTION_KEY : obligatoire/,
    );
    const config = load({ NODE_ENV: 'production', JWT_ACCESS_SECRET: secret, JWT_REFRESH_SECRET: secret, ENCRYPTION_KEY: secret });
    expect(config).toMatchObject({ demoMode: false, host: '0.0.0.0' });
  });
});
