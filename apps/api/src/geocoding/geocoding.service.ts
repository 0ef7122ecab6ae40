import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { GEOCODE_QUERY_LIMITS, type GeocodeResponse } from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { visibleCommune } from '../common/access/visible-commune';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { mapBanResults } from './ban.mapper';
import type { GeocodeQueryDto } from './dto/geocode-query.dto';
import { GeocodingException } from './geocoding.exception';

/** A person is waiting in a form; past this the map and « Centre du village » serve better than a spinner. */
export const GEOCODER_TIMEOUT_MS = 3_000;
/** Five results are a few kilobytes; anything much bigger is not the BAN answering. */
const MAX_RESPONSE_CHARS = 200_000;

/**
 * Address search for placing a project, through the Base Adresse Nationale (`GEOCODER_URL`). Only the communes
 * the user may see can be searched, and the BAN is asked for that commune alone (`citycode`).
 */
@Injectable()
export class GeocodingService {
  private readonly logger = new Logger('Géocodage');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async search(user: AuthUser, query: GeocodeQueryDto): Promise<GeocodeResponse> {
    await visibleCommune(this.db, user, query.insee);
    const base = this.config.geocoderUrl;
    if (!base) {
      throw new GeocodingException('GEOCODER_UNAVAILABLE');
    }
    const url = new URL(`${base}/search/`);
    url.searchParams.set('q', query.q);
    url.searchParams.set('citycode', query.insee);
    url.searchParams.set('limit', String(GEOCODE_QUERY_LIMITS.results));
    let body: unknown;
    try {
      // The timeout covers the whole exchange, body included.
      const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(GEOCODER_TIMEOUT_MS) });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      const text = await response.text();
      if (text.length > MAX_RESPONSE_CHARS) {
        throw new Error('response too large');
      }
      body = JSON.parse(text);
    } catch (error) {
      // The address typed is the user's text: it stays out of the log.
      this.logger.warn(`Base Adresse Nationale injoignable (${url.origin}) : ${error instanceof Error ? error.message : String(error)}`);
      throw new GeocodingException('GEOCODER_UNAVAILABLE');
    }
    return { items: mapBanResults(body, query.insee, GEOCODE_QUERY_LIMITS.results) };
  }
}
