import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { PublicDocumentDto, PublicProjectDto } from '@passerelle/shared/dto';
import { photoAlt } from './displayable-url';
import { PublicProjectView } from './public-project-view';

function photo(id: string, filename: string): PublicDocumentDto {
  return {
    id,
    filename,
    mimeType: 'image/jpeg',
    sizeBytes: 120_000,
    kind: 'PHOTO',
    contentUrl: `/api/public/documents/${id}/content`,
    thumbnailUrl: `/api/public/documents/${id}/thumbnail`,
  };
}

function fiche(overrides: Partial<PublicProjectDto> = {}): PublicProjectDto {
  return {
    slug: 'ableiges-lavoir',
    title: 'Réfection du lavoir de la Viosne',
    summary: 'Le lavoir du XIXe siècle restauré.',
    description: 'Charpente et couverture refaites.',
    objectives: 'Sauver le patrimoine.',
    theme: 'CULTURE_PATRIMOINE',
    status: 'COMPLETED',
    startDate: '2025-03-03',
    endDate: '2025-06-30',
    commune: { insee: '95002', name: 'Ableiges', population: 1108, cantonName: 'Pontoise' },
    location: null,
    forecastCostCents: 5_000_000,
    finalCostCents: 4_000_000,
    funding: [
      { funder: 'ETAT', funderName: null, scheme: 'DETR', amountObtainedCents: 1_200_000 },
      { funder: 'AUTRE', funderName: 'Fondation du patrimoine', scheme: null, amountObtainedCents: 800_000 },
    ],
    lessons: { problems: 'Des tuiles introuvables.', differently: '', advice: '  ' },
    photos: [photo('p1', 'lavoir_avant-travaux.jpg'), photo('p2', 'lavoir-apres.JPEG')],
    documents: [
      {
        id: 'd1',
        filename: 'Cahier des charges.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 1_572_864,
        kind: 'DOCUMENT',
        contentUrl: '/api/public/documents/d1/content',
        thumbnailUrl: null,
      },
    ],
    publishedAt: '2026-03-01T10:00:00Z',
    reviewedAt: '2026-03-01T09:00:00Z',
    ...overrides,
  };
}

describe(PublicProjectView.name, () => {
  let fixture: ComponentFixture<PublicProjectView>;
  let element: HTMLElement;
  const text = (selector: string) => element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const texts = (selector: string) =>
    Array.from(element.querySelectorAll(selector)).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

  async function render(project: PublicProjectDto, inputs: Record<string, unknown> = {}): Promise<void> {
    fixture.componentRef.setInput('project', project);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    await fixture.whenStable();
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(PublicProjectView);
    element = fixture.nativeElement;
  });

  it('shows the fiche under an h1, with the commune, the chips, the texts and the dates', async () => {
    await render(fiche());
    expect(text('h1')).toBe('Réfection du lavoir de la Viosne');
    expect(text('.kicker')).toBe('Ableiges · canton de Pontoise');
    expect(texts('.chips li')).toEqual(['Culture et patrimoine', 'Réalisé', 'Année : 2025']);
    expect(text('.summary')).toBe('Le lavoir du XIXe siècle restauré.');
    expect(texts('h2')).toEqual([
      'Photos',
      'Retour d’expérience',
      'Le projet',
      'Objectifs',
      'Coût et financement',
      'Documents',
      'La commune',
      'Dates',
    ]);
    expect(text('.facts')).toContain('1 108 habitants');
    expect(text('.publication')).toBe('Publié le 01/03/2026, relu par le département le 01/03/2026.');
  });

  it('moves every heading down one level under a page that has its own h1', async () => {
    await render(fiche(), { headingLevel: 2 });
    expect(element.querySelector('h1')).toBeNull();
    expect(text('h2')).toBe('Réfection du lavoir de la Viosne');
    expect(texts('h3')).toContain('Retour d’expérience');
    expect(texts('h4')).toEqual(['Les difficultés rencontrées']);
  });

  it('shows only the lessons the commune filled in, and no section when there is none', async () => {
    await render(fiche());
    expect(texts('.lesson-title')).toEqual(['Les difficultés rencontrées']);
    expect(text('.lesson .prose')).toBe('Des tuiles introuvables.');

    await render(fiche({ lessons: { problems: '', differently: 'Consulter plus tôt.', advice: 'Demandez la DETR.' } }));
    expect(texts('.lesson-title')).toEqual(['Ce que nous ferions autrement', 'Nos conseils aux autres communes']);

    await render(fiche({ lessons: { problems: ' ', differently: '', advice: '' } }));
    expect(element.querySelector('.lessons')).toBeNull();
  });

  it('lists the public funding with its total and its share of the final cost', async () => {
    await render(fiche());
    const rows = Array.from(element.querySelectorAll('table.funding tbody tr')).map((row) =>
      Array.from(row.children).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['État', 'DETR', '12 000,00 €'],
      ['Autre financeur — Fondation du patrimoine', '—', '8 000,00 €'],
    ]);
    expect(text('.total')).toBe('20 000,00 €');
    expect(text('tfoot tr:last-child th')).toBe('Part du coût final');
    expect(text('.share')).toBe('50 %');
    expect(element.querySelector('.funding-private')).toBeNull();
  });

  it('says the commune does not publish its funding when it is null, and shows the costs all the same', async () => {
    await render(fiche({ funding: null }));
    expect(element.querySelector('table')).toBeNull();
    expect(text('.funding-private')).toBe('La commune ne publie pas le détail de son financement.');
    expect(text('.final')).toBe('40 000,00 €');
    expect(text('.forecast')).toBe('50 000,00 €');
  });

  it('uses the public addresses as they are when no image record is given', async () => {
    await render(fiche());
    expect(element.querySelector('.photo-large img')?.getAttribute('src')).toBe('/api/public/documents/p1/content');
    expect(element.querySelector('.photo-large img')?.getAttribute('alt')).toBe('lavoir avant travaux');
    const thumbs = Array.from(element.querySelectorAll('.thumbs img')).map((img) => img.getAttribute('src'));
    expect(thumbs).toEqual(['/api/public/documents/p1/thumbnail', '/api/public/documents/p2/thumbnail']);
    const link = element.querySelector<HTMLAnchorElement>('.documents a');
    expect(link?.getAttribute('href')).toBe('/api/public/documents/d1/content');
    expect(link?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Cahier des charges.pdf (PDF, 1,5 Mo)');
  });

  it('maps the preview’s images through the record and shows a placeholder for a missing one', async () => {
    const preview = fiche({
      photos: [
        { ...photo('p1', 'avant.jpg'), contentUrl: '/api/documents/p1/content', thumbnailUrl: '/api/documents/p1/thumbnail' },
        { ...photo('p2', 'apres.jpg'), contentUrl: '/api/documents/p2/content', thumbnailUrl: '/api/documents/p2/thumbnail' },
      ],
      documents: [{ ...fiche().documents[0], contentUrl: '/api/documents/d1/content' }],
    });
    await render(preview, {
      imageSrc: { '/api/documents/p1/content': 'blob:large-1', '/api/documents/p1/thumbnail': 'blob:thumb-1' },
    });
    expect(element.querySelector('.photo-large img')?.getAttribute('src')).toBe('blob:large-1');
    expect(Array.from(element.querySelectorAll('.thumbs img')).map((img) => img.getAttribute('src'))).toEqual(['blob:thumb-1']);
    expect(element.querySelectorAll('.thumb-placeholder')).toHaveLength(1);

    // The second photo has not been loaded: a placeholder named after it, no broken image.
    element.querySelectorAll<HTMLButtonElement>('.thumb')[1].click();
    await fixture.whenStable();
    expect(element.querySelector('.photo-large img')).toBeNull();
    expect(element.querySelector('.photo-placeholder')?.getAttribute('aria-label')).toBe('apres');

    // A document the preview did not load is asked for, never linked to a route that needs the token.
    expect(element.querySelector('.documents a')).toBeNull();
    const requested: string[] = [];
    fixture.componentInstance.documentRequested.subscribe((d) => requested.push(d.id));
    element.querySelector<HTMLButtonElement>('.document-button')?.click();
    expect(requested).toEqual(['d1']);
  });

  it('changes the large photo with the thumbnails, from the keyboard too', async () => {
    await render(fiche());
    const thumbs = () => Array.from(element.querySelectorAll<HTMLButtonElement>('.thumb'));
    expect(thumbs().map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false']);

    thumbs()[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await fixture.whenStable();
    expect(element.querySelector('.photo-large img')?.getAttribute('src')).toBe('/api/public/documents/p2/content');
    expect(thumbs().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    expect(document.activeElement === thumbs()[1] || !element.isConnected).toBe(true);
    expect(text('figcaption')).toBe('Photo 2 sur 2');
  });

  it('shows no map without a location, and the map with one', async () => {
    await render(fiche());
    expect(element.querySelector('pas-location-map')).toBeNull();
    await render(fiche({ location: { lat: 49.07, lng: 1.98, address: 'Rue du Lavoir' } }));
    expect(element.querySelector('pas-location-map')).not.toBeNull();
    expect(text('.address')).toBe('Rue du Lavoir');
  });
});

describe('photoAlt', () => {
  it('turns a file name into words', () => {
    expect(photoAlt('lavoir_avant-travaux.jpg')).toBe('lavoir avant travaux');
    expect(photoAlt('IMG.png')).toBe('IMG');
    expect(photoAlt('.jpg')).toBe('Photo du projet');
  });
});
