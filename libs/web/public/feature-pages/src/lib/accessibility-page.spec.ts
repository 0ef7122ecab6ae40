import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AccessibilityPage } from './accessibility-page';

describe(AccessibilityPage.name, () => {
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [AccessibilityPage], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(AccessibilityPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  function text(selector: string): string {
    return element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  it('follows the sections of the official model, each reachable from the table of contents', () => {
    expect(element.querySelectorAll('h1')).toHaveLength(1);
    const sections = Array.from(element.querySelectorAll('pas-page-toc a')).map((a) => a.textContent?.trim());
    expect(sections).toEqual([
      'État de conformité',
      'Résultats des tests',
      'Contenus non accessibles',
      'Établissement de cette déclaration',
      'Retour d’information et contact',
      'Voies de recours',
    ]);
    for (const a of Array.from(element.querySelectorAll('pas-page-toc a'))) {
      expect(element.querySelector(`#${a.getAttribute('href')?.split('#')[1]} h2`)).not.toBeNull();
    }
    expect(text('.lead')).toContain('article 47 de la loi n° 2005-102');
  });

  it('states the compliance honestly: no audit yet, automated axe-core tests only', () => {
    expect(text('#etat')).toContain('Passerelle est non conforme avec le référentiel général');
    expect(text('#etat')).toContain('RGAA), version 4.1');
    expect(text('#etat')).toContain('aucun audit, interne ou externe');
    expect(text('#resultats')).toContain('axe-core');
  });

  it('names the contents that are not accessible and the accessible equivalent of the map', () => {
    const section = text('#non-accessibles');
    expect(section).toContain('PDF');
    expect(section).toContain('La carte interactive');
    const links = Array.from(element.querySelectorAll('#non-accessibles a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/projets', '/communes']);
  });

  it('keeps the project form’s location map out of the exemption: it can be set without a mouse', () => {
    const section = text('#non-accessibles');
    expect(section).toContain('La carte du formulaire de fiche projet');
    expect(section).toContain('au clavier');
    expect(section).toContain('en cherchant l’adresse du projet');
    expect(section).toContain('« Centre du village »');
  });

  it('dates the statement and lists the technologies and the test environment', () => {
    const section = text('#etablissement');
    expect(section).toContain('novembre 2026');
    for (const technology of ['HTML', 'CSS', 'JavaScript', 'WAI-ARIA', 'Chromium', 'axe-core']) {
      expect(section).toContain(technology);
    }
  });

  it('gives the contact and every official way to the Défenseur des droits', () => {
    expect(text('#contact')).toContain('contactez le service communication du département');
    const recourse = text('#recours');
    expect(recourse).toContain('formulaire en ligne');
    expect(recourse).toContain('délégué du Défenseur des droits');
    const phone = element.querySelector('#recours a[href="tel:+33969390000"]');
    expect(phone?.textContent?.replace(/\u00a0/g, ' ')).toBe('09 69 39 00 00');
    expect(text('#recours address')).toBe('Défenseur des droits Libre réponse 71120 75342 Paris CEDEX 07');
  });
});
