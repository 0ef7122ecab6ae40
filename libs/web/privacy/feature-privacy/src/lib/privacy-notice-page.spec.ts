import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PrivacyNoticeDto } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { PrivacyNoticePage } from './privacy-notice-page';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

function aNotice(overrides: Partial<PrivacyNoticeDto> = {}): PrivacyNoticeDto {
  return {
    controller: 'Département Val-d’Oise',
    dpoEmail: 'dpo@valdoise.example',
    activities: [
      {
        key: 'AUDIT',
        name: 'Journal de sécurité',
        purpose: 'Garder la trace des connexions.',
        legalBasis: 'Obligation légale (article 6.1.c du RGPD)',
        people: 'Les personnes qui ont un compte.',
        data: ['Action, date, auteur', 'Adresse IP et navigateur'],
        recipients: ['Les administrateurs du département'],
        retention: '180 jours',
      },
      {
        key: 'PUBLICATIONS',
        name: 'Publication des projets terminés',
        purpose: 'Faire connaître les projets.',
        legalBasis: 'Mission d’intérêt public (article 6.1.e du RGPD)',
        people: 'Les personnes citées.',
        data: ['Textes et photos'],
        recipients: ['Le public'],
        retention: 'Tant que la publication n’est pas retirée.',
      },
    ],
    policies: [
      { rule: 'AUDIT_EVENTS', label: 'Journal de sécurité et d’activité', days: 180 },
      { rule: 'INACTIVE_ACCOUNTS', label: 'Comptes inactifs', days: 730 },
    ],
    deletionGraceDays: 14,
    exportLinkDays: 7,
    rights: [
      { name: 'Droit d’accès (article 15 du RGPD)', how: 'Dans « Mon compte », « Télécharger mes données ».' },
      { name: 'Réclamation auprès de la CNIL', how: 'Vous pouvez saisir la CNIL.' },
    ],
    security: ['Connexions chiffrées (HTTPS)'],
    transfers: 'Aucun transfert hors de l’Union européenne n’est prévu.',
    ...overrides,
  };
}

describe(PrivacyNoticePage.name, () => {
  let fixture: ComponentFixture<PrivacyNoticePage>;
  let element: HTMLElement;
  let http: HttpTestingController;

  async function render(answer: (request: ReturnType<HttpTestingController['expectOne']>) => void) {
    fixture = TestBed.createComponent(PrivacyNoticePage);
    element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    answer(http.expectOne((r) => r.method === 'GET' && r.url === '/api/public/privacy'));
    await fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: API_BASE_URL, useValue: '/api' }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('shows each processing activity with its purpose, basis, people, data, recipients and retention', async () => {
    await render((r) => r.flush(aNotice()));
    expect(element.querySelectorAll('h1')).toHaveLength(1);
    const articles = Array.from(element.querySelectorAll('article.activity'));
    expect(articles.map((a) => a.querySelector('h3')?.textContent)).toEqual(['Journal de sécurité', 'Publication des projets terminés']);
    const terms = Array.from(articles[0].querySelectorAll('dt')).map((dt) => dt.textContent);
    expect(terms).toEqual(['Pourquoi', 'Base légale', 'Personnes concernées', 'Données', 'Qui les voit', 'Combien de temps']);
    expect(Array.from(articles[0].querySelectorAll('dd li')).map((li) => li.textContent)).toEqual([
      'Action, date, auteur',
      'Adresse IP et navigateur',
      'Les administrateurs du département',
    ]);
    expect(plain(articles[0].querySelectorAll('dd')[5].textContent)).toBe('180 jours');
    expect(plain(articles[1].textContent)).toContain('Le public');
  });

  it('lists the retention periods in words, and the rights with how to use them', async () => {
    await render((r) => r.flush(aNotice()));
    const rows = Array.from(element.querySelectorAll('#durees tbody tr')).map((tr) =>
      Array.from(tr.children)
        .map((cell) => plain(cell.textContent))
        .join(' | '),
    );
    expect(rows).toEqual(['Journal de sécurité et d’activité | 180 jours', 'Comptes inactifs | 2 ans']);
    const rights = Array.from(element.querySelectorAll('#droits h3')).map((h) => [h.textContent, plain(h.nextElementSibling?.textContent)]);
    expect(rights).toEqual([
      ['Droit d’accès (article 15 du RGPD)', 'Dans « Mon compte », « Télécharger mes données ».'],
      ['Réclamation auprès de la CNIL', 'Vous pouvez saisir la CNIL.'],
    ]);
    expect(plain(element.querySelector('#droits')?.textContent)).toContain('un compte dont vous demandez la suppression est supprimé après 14 jours');
    expect(element.querySelector('#droits a[href="/compte"]')?.textContent).toBe('Mon compte');
    expect(element.querySelector('#droits a[href="https://www.cnil.fr/fr/plaintes"]')).not.toBeNull();
  });

  it('gives the DPO’s address as a mail link and the register as a download', async () => {
    await render((r) => r.flush(aNotice()));
    const dpo = element.querySelector<HTMLAnchorElement>('#responsable a');
    expect(dpo?.getAttribute('href')).toBe('mailto:dpo@valdoise.example');
    expect(plain(element.querySelector('#responsable')?.textContent)).toContain('Département Val-d’Oise');
    const register = element.querySelector<HTMLAnchorElement>('#registre a');
    expect(register?.getAttribute('href')).toBe('/api/public/privacy/register.csv');
    expect(register?.hasAttribute('download')).toBe(true);
  });

  it('tells to write to the département when no DPO is configured', async () => {
    await render((r) => r.flush(aNotice({ dpoEmail: null })));
    expect(element.querySelector('#responsable a')).toBeNull();
    expect(plain(element.querySelector('#responsable .contact')?.textContent)).toContain('écrivez au département');
  });

  it('says when the page cannot be loaded, and tries again', async () => {
    await render((r) => r.flush({ code: 'INTERNAL', message: 'Erreur interne.', requestId: 'r' }, { status: 500, statusText: 'Error' }));
    expect(plain(element.querySelector('[role="alert"]')?.textContent)).toBe('Erreur interne.');
    element.querySelector<HTMLButtonElement>('button')?.click();
    TestBed.tick();
    http.expectOne('/api/public/privacy').flush(aNotice());
    await fixture.whenStable();
    expect(element.querySelectorAll('article.activity')).toHaveLength(2);
  });
});
