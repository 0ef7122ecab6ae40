import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { FormControl } from '@angular/forms';
import { PROJECT_SEARCH_DEBOUNCE_MS, ProjectFilters, type ProjectFilterValue } from './project-filters';

/** A page that adds a filter of its own, as the back office does. */
@Component({
  imports: [ProjectFilters],
  template: `
    <pas-project-filters (filtersChange)="emitted.push($event)">
      <p class="extra">Filtre de la page</p>
    </pas-project-filters>
  `,
})
class Host {
  readonly emitted: ProjectFilterValue[] = [];
}

interface Controls {
  status: FormControl<string>;
  theme: FormControl<string>;
}

describe(ProjectFilters.name, () => {
  let fixture: ComponentFixture<Host>;
  let element: HTMLElement;
  let controls: Controls;

  async function typeSearch(value: string, wait = PROJECT_SEARCH_DEBOUNCE_MS): Promise<void> {
    const input = element.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) {
      throw new Error('no search field');
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(wait);
    await fixture.whenStable();
  }

  beforeEach(async () => {
    // RxJS schedules the debounce with setInterval and Date; Angular's change detection keeps the real setTimeout.
    jest.useFakeTimers({
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'performance',
      ],
    });
    fixture = TestBed.createComponent(Host);
    element = fixture.nativeElement;
    await fixture.whenStable();
    controls = fixture.debugElement.children[0].componentInstance as unknown as Controls;
  });

  afterEach(() => jest.useRealTimers());

  it('offers the search, then the page’s own filters, then the status and theme with their French labels', () => {
    const form = element.querySelector('form[role="search"]');
    expect(form?.getAttribute('aria-label')).toBe('Filtrer les projets');
    const parts = Array.from(form?.children ?? []).map((child) =>
      child.classList.contains('extra') ? 'extra' : child.querySelector('mat-label')?.textContent?.trim(),
    );
    expect(parts).toEqual(['Rechercher un projet', 'extra', 'Statut', 'Thème']);
  });

  it('emits the trimmed search once the user pauses typing', async () => {
    await typeSearch('éc', PROJECT_SEARCH_DEBOUNCE_MS / 2);
    expect(fixture.componentInstance.emitted).toEqual([]);

    await typeSearch('  école ');
    expect(fixture.componentInstance.emitted).toEqual([{ q: 'école', status: '', theme: '' }]);

    // Only the spaces changed: the filters did not.
    await typeSearch('école');
    expect(fixture.componentInstance.emitted).toHaveLength(1);
  });

  it('emits at once when the status or the theme changes, with the other filters kept', async () => {
    await typeSearch('mairie');
    controls.status.setValue('IN_PROGRESS');
    controls.theme.setValue('VOIRIE');
    controls.status.setValue('');
    await fixture.whenStable();
    expect(fixture.componentInstance.emitted).toEqual([
      { q: 'mairie', status: '', theme: '' },
      { q: 'mairie', status: 'IN_PROGRESS', theme: '' },
      { q: 'mairie', status: 'IN_PROGRESS', theme: 'VOIRIE' },
      { q: 'mairie', status: '', theme: 'VOIRIE' },
    ]);
  });
});
