import { computed, inject, type ResourceRef, type Signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { DepartementDetailDto, Outline, PublicConfigDto } from '@passerelle/shared/dto';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';

/** What a public map needs of the installation: its département (code, name, outline) and the base map's tiles. */
export interface PublicMapSetting {
  readonly config: ResourceRef<PublicConfigDto | undefined>;
  readonly code: Signal<string | undefined>;
  readonly tileUrl: Signal<string | null>;
  readonly tileAttribution: Signal<string>;
  readonly departement: ResourceRef<DepartementDetailDto | undefined>;
  readonly departementName: Signal<string | null>;
  readonly outline: Signal<Outline | null>;
}

/** Loads the setting of the public maps (home page and map page). Call in an injection context. */
export function publicMapSetting(): PublicMapSetting {
  const publicConfig = inject(PublicConfig);
  const territory = inject(TerritoryApi);
  const config = rxResource({ stream: () => publicConfig.load() });
  const code = computed(() => (config.hasValue() ? config.value().defaultDepartementCode : undefined));
  const departement = rxResource({ params: () => code(), stream: ({ params }) => territory.getDepartement(params) });
  return {
    config,
    code,
    tileUrl: computed(() => (config.hasValue() ? config.value().tileUrl : null)),
    tileAttribution: computed(() => (config.hasValue() ? config.value().tileAttribution : '')),
    departement,
    departementName: computed(() => (departement.hasValue() ? departement.value().name : null)),
    outline: computed(() => (departement.hasValue() ? departement.value().outline : null)),
  };
}
