import { TestBed } from '@angular/core/testing';
import type { PublicationViewsDto } from '@passerelle/shared/dto';
import { PublicationViewsChart } from './publication-views-chart';

describe(PublicationViewsChart.name, () => {
  function render(views: PublicationViewsDto): HTMLElement {
    const fixture = TestBed.createComponent(PublicationViewsChart);
    fixture.componentRef.setInput('views', views);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the totals, a bar per day scaled to the busiest, and the same figures as a table', () => {
    const element = render({
      total: 57,
      last30Days: 4,
      daily: [
        { day: '2026-11-30', count: 0 },
        { day: '2026-12-01', count: 1 },
        { day: '2026-12-02', count: 40 },
      ],
    });

    expect(element.querySelector('.views-total')?.textContent).toBe('57');
    expect(element.querySelector('.views-30')?.textContent).toBe('4');
    const heights = [...element.querySelectorAll<HTMLElement>('.bar')].map((bar) => bar.style.height);
    // An empty day has no bar; a single visit still shows next to the busiest day.
    expect(heights).toEqual(['0%', '6%', '100%']);
    expect(element.querySelector('.chart')?.closest('[aria-hidden="true"]')).not.toBeNull();
    expect([...element.querySelectorAll('tbody tr')].map((row) => row.textContent)).toHaveLength(3);
  });
});
