import { Location } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, DOCUMENT, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, Scroll } from '@angular/router';
import { filter, take } from 'rxjs';

export interface TocEntry {
  /** The `id` of the section; its first heading receives the focus. */
  id: string;
  label: string;
}

/**
 * "Sommaire" of a long page. Plain `href="#id"` would resolve against `<base href="/">` and lead to the home page,
 * and the router does not scroll to anchors here: the links carry the page's own address (so that they can be
 * copied or opened in a new tab) and a click scrolls to the section and moves the focus to its heading.
 */
@Component({
  selector: 'pas-page-toc',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="toc" aria-labelledby="toc-title">
      <h2 id="toc-title" class="toc-title">Sommaire</h2>
      <ol>
        @for (entry of entries(); track entry.id) {
          <li>
            <a [href]="pageUrl + '#' + entry.id" (click)="go($event, entry.id)">{{ entry.label }}</a>
          </li>
        }
      </ol>
    </nav>
  `,
  styles: `
    :host {
      display: block;
    }
    .toc {
      padding: 16px 20px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .toc-title {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    ol {
      margin: 0;
      padding-inline-start: 20px;
      font: var(--mat-sys-body-medium);
    }
    li + li {
      margin-top: 6px;
    }
  `,
})
export class PageToc {
  readonly entries = input.required<readonly TocEntry[]>();

  private readonly location = inject(Location);
  private readonly document = inject(DOCUMENT);
  private readonly route = inject(ActivatedRoute);
  /** The page's path from its route (the browser's address may not be updated yet while the page is created). */
  private readonly path = `/${this.route.snapshot.pathFromRoot.flatMap((r) => r.url.map((segment) => segment.path)).join('/')}`;
  protected readonly pageUrl = this.location.prepareExternalUrl(this.path);

  constructor() {
    // Arriving with a fragment (a shared link to one section): show that section.
    const fragment = this.route.snapshot.fragment;
    if (!fragment) {
      return;
    }
    const showFragment = () => {
      if (this.entries().some((entry) => entry.id === fragment)) {
        this.show(fragment, false);
      }
    };
    afterNextRender(showFragment);
    // The router then scrolls a new page to the top, right after its Scroll event reaches this subscriber: show the
    // section again once it has. Going back keeps the position the reader left instead.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof Scroll),
        take(1),
        filter((event) => !event.position),
        takeUntilDestroyed(),
      )
      .subscribe(() => queueMicrotask(showFragment));
  }

  protected go(event: MouseEvent, id: string): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    this.show(id, true);
    // The address now points at the section, for a bookmark or a shared link; the router's state is kept.
    this.location.replaceState(`${this.path}#${id}`, '', this.location.getState());
  }

  private show(id: string, moveFocus: boolean): void {
    const section = this.document.getElementById(id);
    if (!section) {
      return;
    }
    section.scrollIntoView();
    const heading = section.querySelector<HTMLElement>('h2, h3') ?? section;
    if (moveFocus) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
}
