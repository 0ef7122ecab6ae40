import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PUBLIC_PROJECT_KIND_LABELS, type PublicProjectKind } from '@passerelle/shared/dto';

/**
 * The two lists of projects, one link each: the communes' (`/projets`) and the département's
 * (`/projets-du-departement`). Links rather than ARIA tabs, since each opens its own page; the current one is
 * marked with `aria-current`.
 */
@Component({
  selector: 'pas-public-project-tabs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <nav aria-label="Listes de projets">
      <ul>
        @for (tab of tabs; track tab.kind) {
          <li>
            <a
              [routerLink]="tab.path"
              [class.current]="current() === tab.kind"
              [attr.aria-current]="current() === tab.kind ? 'page' : null"
              >{{ tab.label }}</a
            >
          </li>
        }
      </ul>
    </nav>
  `,
  styles: `
    ul {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin: 0 0 16px;
      padding: 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    a {
      display: inline-block;
      padding: 12px 16px;
      min-height: 24px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-title-small);
      text-decoration: none;
      border-bottom: 3px solid transparent;
      &:hover {
        color: var(--mat-sys-on-surface);
        text-decoration: underline;
      }
      &:focus-visible {
        outline: 3px solid var(--mat-sys-primary);
        outline-offset: -3px;
      }
    }
    a.current {
      color: var(--mat-sys-primary);
      border-bottom-color: var(--mat-sys-primary);
      font-weight: 600;
    }
  `,
})
export class PublicProjectTabs {
  readonly current = input.required<PublicProjectKind>();

  protected readonly tabs = [
    { kind: 'COMMUNE' as const, path: '/projets', label: PUBLIC_PROJECT_KIND_LABELS.COMMUNE },
    { kind: 'DEPARTEMENT' as const, path: '/projets-du-departement', label: PUBLIC_PROJECT_KIND_LABELS.DEPARTEMENT },
  ];
}
