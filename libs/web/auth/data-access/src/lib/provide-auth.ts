import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { AuthSession } from './auth-session';

/**
 * Looks for the session of a previous visit at start, without waiting for it: the public pages show at once, and
 * the guards of the private areas wait for the answer (`AuthSession.whenRestored`).
 */
export function provideAuthSession(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      void inject(AuthSession).restore();
    }),
  ]);
}
