import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PublicProjectSummaryDto } from '@passerelle/shared/dto';
import { PublicProjectCard } from './public-project-card';

function summary(overrides: Partial<PublicProjectSummaryDto> = {}): PublicProjectSummaryDto {
  return {
    slug: 'ableiges-refection-du-lavoir',
    title: 'Réfection du lavoir de la Viosne',
    summary: 'Le lavoir restauré.',
    theme: 'CULTURE_PATRIMOINE',
    status: 'COMPLETED',
    year: 2025,
    commune: { insee: '95002', name: 'Ableiges' },
    cantonName: 'Pontoise',
    location: null,
    finalCostCents: 4_850_000,
    coverUrl: '/api/public/documents/d1/thumbnail',
    publishedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

describe(PublicProjectCard.name, () => {
  let fixture: ComponentFixture<PublicProjectCard>;
  let element: HTMLElement;
  const text = (selector: string) => element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  async function render(project: PublicProjectSummaryDto, headingLevel?: 2 | 3 | 4): Promise<void> {
    fixture.componentRef.setInput('project', project);
    if (headingLevel) {
      fixture.componentRef.setInput('headingLevel', headingLevel);
    }
    await fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    fixture = TestBed.createComponent(PublicProjectCard);
    element = fixture.nativeElement;
  });

  it('is one link to the public page, with the theme, the commune, the year and the final cost', async () => {
    await render(summary());
    const links = element.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('/projets/ableiges-refection-du-lavoir');
    expect(text('h3')).toBe('Réfection du lavoir de la Viosne');
    expect(text('.theme')).toBe('Culture et patrimoine');
    expect(text('.place')).toBe('Ableiges · , 2025');
    expect(text('.cost')).toBe('Coût final : 48 500,00 €');
    const img = element.querySelector('img');
    expect(img?.getAttribute('src')).toBe('/api/public/documents/d1/thumbnail');
    expect(img?.getAttribute('alt')).toBe('');
  });

  it('shows the theme’s pictogram without a photo, and no cost or year when unknown', async () => {
    await render(summary({ coverUrl: null, finalCostCents: null, year: null }));
    expect(element.querySelector('img')).toBeNull();
    const placeholder = element.querySelector('.cover pas-theme-icon');
    expect(placeholder?.querySelector('svg')?.getAttribute('data-theme')).toBe(summary().theme);
    expect(placeholder?.querySelector('path')?.getAttribute('d')).toMatch(/^M/);
    expect(text('.cover')).toBe('');
    expect(element.querySelector('.cost')).toBeNull();
    expect(text('.place')).toBe('Ableiges');
  });

  it('takes the heading level of the list it sits in', async () => {
    await render(summary(), 2);
    expect(element.querySelector('h2')).not.toBeNull();
    expect(element.querySelector('h3')).toBeNull();
  });
});
