import { Injectable, type Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { formatInteger } from '@passerelle/web/shared/util-format';

/** French labels of Material paginators. */
@Injectable()
export class FrenchPaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = 'Lignes par page';
  override nextPageLabel = 'Page suivante';
  override previousPageLabel = 'Page précédente';
  override firstPageLabel = 'Première page';
  override lastPageLabel = 'Dernière page';

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) {
      return `0 sur ${formatInteger(length)}`;
    }
    const start = page * pageSize;
    const end = Math.min(start + pageSize, length);
    return `${formatInteger(start + 1)} – ${formatInteger(end)} sur ${formatInteger(length)}`;
  };
}

/**
 * Provide where a paginator is used rather than in the app config: importing anything from
 * `@angular/material/paginator` drags select, form field and overlay into the bundle that imports it.
 */
export function provideFrenchPaginator(): Provider {
  return { provide: MatPaginatorIntl, useClass: FrenchPaginatorIntl };
}
