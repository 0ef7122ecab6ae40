import { InjectionToken } from '@angular/core';

/** Prefix of every API call. The API serves the front end, so the default is same-origin. */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '/api',
});
