import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OPEN_DATA_LICENCE, type PublicConfigDto } from '@passerelle/shared/dto';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { of } from 'rxjs';
import { LegalNoticePage, tileSource } from './legal-notice-page';

describe(LegalNoticePage.name, () => {
  let element: HTMLElement;

  async function render(tileUrl: string | null = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'): Promise<void> {
    const config = { tileUrl, tileAttribution: '© les contributeurs d’OpenStreetMap' } as PublicConfigDto;
    TestBed.configureTestingModule({
      imports: [LegalNoticePage],
      providers: [provideRouter([]), { provide: PublicConfig, useValue: { load: () => of(config) } }],
    });
    const fixture = TestBed.createComponent(LegalNoticePage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  function text(selector: string): string {
    return element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  it('has one h1 and every section of the table of contents', async () => {
    await render();
    expect(element.querySelectorAll('h1')).toHaveLength(1);
    const ids = Array.from(element.querySelectorAll('pas-page-toc a')).map((a) => a.getAttribute('href')?.split('#')[1]);
    expect(ids).toEqual(['editeur', 'hebergement', 'donnees-personnelles', 'cookies', 'licence', 'cartes', 'credits']);
    for (const id of ids) {
      expect(element.querySelector(`section#${id} h2`)).not.toBeNull();
    }
  });

  it('names the publisher and the host generically, for any département', async () => {
    await render();
    expect(text('#editeur')).toContain('le président ou la présidente du conseil départemental');
    expect(text('#hebergement')).toContain('l’hébergeur choisi par le département');
  });

  it('explains the personal data, the rights and where to exercise them', async () => {
    await render();
    const section = text('#donnees-personnelles');
    expect(section).toContain('le nom, l’adresse électronique, le rôle');
    expect(section).toContain('sans cookie ni adresse IP');
    expect(section).toContain('droit d’accès, de rectification et d’effacement');
    const links = Array.from(element.querySelectorAll<HTMLAnchorElement>('#donnees-personnelles a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/donnees-personnelles', '/compte', 'https://www.cnil.fr/fr/plaintes']);
  });

  it('lists the session cookies and says why there is no consent banner', async () => {
    await render();
    const section = text('#cookies');
    expect(section).toContain('aucun cookie de suivi ni de mesure d’audience');
    expect(section).toContain('aucun bandeau');
    expect(Array.from(element.querySelectorAll('#cookies code')).map((c) => c.textContent)).toEqual([
      'passerelle_refresh',
      'passerelle_session',
    ]);
  });

  it('links the licence of the published data to the open-data page', async () => {
    await render();
    const links = Array.from(element.querySelectorAll<HTMLAnchorElement>('#licence a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual([OPEN_DATA_LICENCE.url, '/donnees-ouvertes']);
  });

  it('credits the outlines, and the tile server when the maps have a background', async () => {
    await render();
    const maps = text('#cartes');
    expect(maps).toContain('© IGN Admin Express');
    expect(maps).toContain('Fond de carte : © les contributeurs d’OpenStreetMap');
    expect(maps).toContain('tile.openstreetmap.org');
  });

  it('mentions no tile server when none is configured', async () => {
    await render(null);
    expect(text('#cartes')).not.toContain('Fond de carte');
  });
});

describe(tileSource.name, () => {
  it('gives the host and a plain-text attribution', () => {
    expect(tileSource('https://{s}.tiles.example.fr/{z}/{x}/{y}.png', '<a href="https://x">© Exemple</a> ')).toEqual({
      host: '0.tiles.example.fr',
      attribution: '© Exemple',
    });
  });

  it('is null without tiles or with an address it cannot read', () => {
    expect(tileSource(null, '')).toBeNull();
    expect(tileSource('tiles/{z}/{x}/{y}.png', '')).toBeNull();
  });
});
