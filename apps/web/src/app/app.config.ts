import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import localeFr from '@angular/common/locales/fr';
import {
  type ApplicationConfig,
  LOCALE_ID,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { authInterceptor, provideAuthSession } from '@passerelle/web/auth/data-access';
import { outageInterceptor } from '@passerelle/web/shared/data-access';
import { appRoutes } from './app.routes';
import { registerIcons } from './icons';
import { PageTitleStrategy } from './page-title-strategy';

registerLocaleData(localeFr);

/*
 * No DATE_PIPE_DEFAULT_OPTIONS here on purpose: Angular's DatePipe only accepts fixed offsets ("+0100"), silently
 * ignores an IANA zone such as "Europe/Paris" and would be one hour off in summer with "+0100". Dates are formatted
 * with the Paris-time helpers of @passerelle/web/shared/util-format instead.
 */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Same origin: fetch sends the HttpOnly refresh cookie (scoped to /api/auth) without `withCredentials`.
    // Outages first (outermost): a retried read goes through the auth interceptor again, with the latest token.
    provideHttpClient(withFetch(), withInterceptors([outageInterceptor, authInterceptor])),
    provideAuthSession(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
    ),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    { provide: LOCALE_ID, useValue: 'fr-FR' },
    provideAppInitializer(registerIcons),
  ],
};
