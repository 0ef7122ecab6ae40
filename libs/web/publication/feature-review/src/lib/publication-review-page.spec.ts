import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import type { PublicationDto, PublicationPreviewDto } from '@passerelle/shared/dto';
import { DocumentsApi } from '@passerelle/web/projects/data-access';
import { PublicationApi } from '@passerelle/web/publication/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { MAP_STYLESHEET_URL } from '@passerelle/web/shared/ui-map';
import { of, throwError } from 'rxjs';
import { PublicationReviewPage } from './publication-review-page';

const preview: PublicationPreviewDto = {
  slug: 'refection-du-lavoir-de-la-viosne-ableiges',
  title: 'Réfection du lavoir de la Viosne',
  summary: 'Le lavoir restauré.',
  description: 'Charpente et tuiles refaites.',
  objectives: '',
  theme: 'CULTURE_PATRIMOINE',
  status: 'COMPLETED',
  startDate: '2025-04-01',
  endDate: '2025-09-30',
  commune: { insee: '95002', name: 'Ableiges', population: 1100, cantonName: 'Vauréal' },
  location: null,
  forecastCostCents: 8_000_000,
  finalCostCents: 8_500_000,
  funding: null,
  lessons: { problems: '', differently: '', advice: '' },
  photos: [
    {
      id: 'ph1',
      filename: 'lavoir.jpg',
      mimeType: 'image/jpeg',
      sizeBytes: 1000,
      kind: 'PHOTO',
      contentUrl: '/api/documents/ph1/content',
      thumbnailUrl: '/api/documents/ph1/thumbnail',
    },
  ],
  documents: [],
  publishedAt: '2026-11-22T10:00:00Z',
  reviewedAt: '2026-11-22T10:00:00Z',
  version: 'a'.repeat(64),
};

const nothing = { request: false, consent: false, approve: false, reject: false, withdraw: false };
const awaiting: PublicationDto = {
  state: 'AWAITING_REVIEW',
  choices: { documentIds: ['ph1'], showFunding: false },
  slug: null,
  publishedAt: null,
  pendingChanges: false,
  rejectionReason: null,
  events: [
    { at: '2026-11-20T09:00:00Z', action: 'request', actor: 'Marie Maire', fromState: 'PRIVATE', toState: 'AWAITING_REVIEW', reason: null },
  ],
  can: { ...nothing, approve: true, reject: true },
  previewVersion: 'a'.repeat(64),
  views: null,
};

describe(PublicationReviewPage.name, () => {
  let api: { get: jest.Mock; preview: jest.Mock; act: jest.Mock };
  let documents: { getBlob: jest.Mock };
  let snackBar: { open: jest.Mock };
  let dialog: { open: jest.Mock };
  /** What the agent answers in the confirmation dialog. */
  let confirmed: boolean;

  async function render(publication: PublicationDto = awaiting) {
    api = { get: jest.fn(() => of(publication)), preview: jest.fn(() => of(preview)), act: jest.fn() };
    documents = { getBlob: jest.fn(() => of(new Blob(['x']))) };
    snackBar = { open: jest.fn() };
    confirmed = true;
    dialog = { open: jest.fn(() => ({ afterClosed: () => of(confirmed) })) };
    URL.createObjectURL = jest.fn((blob: Blob) => `blob:${blob.size}`);
    URL.revokeObjectURL = jest.fn();
    TestBed.configureTestingModule({
      imports: [PublicationReviewPage],
      providers: [
        provideRouter([]),
        { provide: PublicationApi, useValue: api },
        { provide: DocumentsApi, useValue: documents },
        { provide: PublicConfig, useValue: { load: () => of({ tileUrl: null, tileAttribution: '' }) } },
        { provide: MatSnackBar, useValue: snackBar },
        { provide: MatDialog, useValue: dialog },
        { provide: MAP_STYLESHEET_URL, useValue: null },
      ],
    });
    const router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(PublicationReviewPage);
    fixture.componentRef.setInput('id', 'p1');
    await fixture.whenStable();
    return { fixture, router, element: fixture.nativeElement as HTMLElement };
  }

  const click = (element: HTMLElement, selector: string) => {
    const button = element.querySelector<HTMLButtonElement>(selector);
    if (!button) {
      throw new Error(`no ${selector}`);
    }
    button.click();
  };

  it('shows the fiche as the public would see it, with its photos loaded through the signed-in routes', async () => {
    const { element } = await render();
    expect(element.querySelector('h1')?.textContent).toBe('Relecture avant publication');
    expect(element.querySelectorAll('h1')).toHaveLength(1);
    expect(element.querySelector('.banner')?.textContent).toContain('voici exactement ce que le public verra si vous approuvez');
    expect(element.querySelector('pas-public-project-view h2')?.textContent).toContain('Réfection du lavoir de la Viosne');
    expect(documents.getBlob).toHaveBeenCalledWith('/api/documents/ph1/content');
    expect(element.querySelector('pas-public-project-view img')?.getAttribute('src')).toMatch(/^blob:/);
    expect(element.querySelector('pas-publication-log')?.textContent).toContain('Marie Maire');
  });

  it('approves, then says so and goes back to the queue', async () => {
    const { fixture, router, element } = await render();
    api.act.mockReturnValue(of({ ...awaiting, state: 'PUBLISHED' }));
    click(element, 'button.approve');
    await fixture.whenStable();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    expect(api.act).toHaveBeenCalledWith('p1', { action: 'approve', version: 'a'.repeat(64) });
    expect(snackBar.open.mock.calls[0][0]).toContain('est publié sur le portail public');
    expect(router.navigateByUrl).toHaveBeenCalledWith('/departement/publications');
  });

  it('asks for confirmation before publishing, and publishes nothing when the agent cancels', async () => {
    const { fixture, router, element } = await render();
    confirmed = false;
    click(element, 'button.approve');
    await fixture.whenStable();
    const data = dialog.open.mock.calls[0][1].data;
    expect(data.title).toBe('Approuver et publier cette fiche\u00a0?');
    expect(data.message).toContain('La commune sera prévenue par courriel.');
    expect(data.confirmLabel).toBe('Approuver et publier');
    expect(api.act).not.toHaveBeenCalled();
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('refuses only with a reason, which is sent to the commune', async () => {
    const { fixture, element } = await render();
    click(element, 'button.reject');
    await fixture.whenStable();
    click(element, 'button.confirm-reject');
    await fixture.whenStable();
    expect(api.act).not.toHaveBeenCalled();
    expect(element.querySelector('mat-error')?.textContent).toContain('Indiquez à la commune pourquoi');

    const textarea = element.querySelector('textarea');
    if (!textarea) {
      throw new Error('no textarea');
    }
    textarea.value = '  Ajoutez une photo du lavoir restauré.  ';
    textarea.dispatchEvent(new Event('input'));
    api.act.mockReturnValue(of({ ...awaiting, state: 'PRIVATE' }));
    click(element, 'button.confirm-reject');
    await fixture.whenStable();
    expect(api.act).toHaveBeenCalledWith('p1', { action: 'reject', reason: 'Ajoutez une photo du lavoir restauré.' });
    expect(snackBar.open.mock.calls[0][0]).toBe('Refus envoyé à la commune d’Ableiges.');
  });

  it('shows a missing reason under its field and moves focus back to it (one field: no summary)', async () => {
    const { fixture, element } = await render();
    click(element, 'button.reject');
    await fixture.whenStable();
    const textarea = element.querySelector('textarea');
    if (!textarea) {
      throw new Error('no textarea');
    }
    // The field took focus as the form opened; the agent then went to the button.
    textarea.blur();
    click(element, 'button.confirm-reject');
    await fixture.whenStable();

    expect(api.act).not.toHaveBeenCalled();
    expect(element.querySelector('mat-error')?.textContent).toContain('Indiquez à la commune pourquoi');
    expect(element.querySelector('.error-summary')).toBeNull();
    expect(document.activeElement).toBe(textarea);
  });

  it('reloads and explains when another agent decided first', async () => {
    const { fixture, router, element } = await render();
    api.act.mockReturnValue(
      throwError(
        () => new HttpErrorResponse({ status: 409, error: { code: 'PUBLICATION_TRANSITION_FORBIDDEN', message: 'Rechargez la page.' } }),
      ),
    );
    api.get.mockReturnValue(of({ ...awaiting, state: 'PUBLISHED', slug: 's', can: nothing }));
    click(element, 'button.approve');
    await fixture.whenStable();
    expect(api.get).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('un autre agent l’a peut-être déjà traitée');
    expect(element.querySelector('button.approve')).toBeNull();
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('shows the current version when the fiche changed since it was read, and approves that one only when asked again', async () => {
    const { fixture, router, element } = await render();
    const current = { ...preview, title: 'Réfection du lavoir et du bief', version: 'b'.repeat(64) };
    api.act.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { code: 'PUBLICATION_STALE_PREVIEW', message: 'La fiche a changé depuis votre lecture.', current },
          }),
      ),
    );
    click(element, 'button.approve');
    await fixture.whenStable();
    const alert = element.querySelector('.banner--stale');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain('La fiche a changé depuis votre lecture\u00a0: voici la version actuelle');
    expect(document.activeElement).toBe(alert);
    expect(element.querySelector('pas-public-project-view h2')?.textContent).toContain('Réfection du lavoir et du bief');
    expect(api.preview).toHaveBeenCalledTimes(1);
    expect(router.navigateByUrl).not.toHaveBeenCalled();

    api.act.mockReturnValue(of({ ...awaiting, state: 'PUBLISHED' }));
    click(element, 'button.approve');
    await fixture.whenStable();
    expect(api.act).toHaveBeenLastCalledWith('p1', { action: 'approve', version: 'b'.repeat(64) });
    expect(element.querySelector('.banner--stale')).toBeNull();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/departement/publications');
  });

  it('offers no decision when the fiche is not waiting for a review', async () => {
    const edited = {
      at: '2026-11-21T09:00:00Z',
      action: 'edit',
      actor: 'Paul Secrétaire',
      fromState: 'AWAITING_REVIEW',
      toState: 'AWAITING_CONSENT',
      reason: 'Modifié : Titre.',
    } as const;
    const { element } = await render({ ...awaiting, state: 'AWAITING_CONSENT', can: nothing, events: [edited, ...awaiting.events] });
    expect(element.querySelector('pas-publication-log li .action')?.textContent).toBe(
      'Fiche modifiée pendant la relecture\u00a0: nouvel accord du maire demandé',
    );
    expect(element.querySelector('button.approve')).toBeNull();
    expect(element.querySelector('button.reject')).toBeNull();
    expect(element.querySelector('.not-waiting')).not.toBeNull();
    expect(element.querySelector('a[href="/departement/projets/p1"]')).not.toBeNull();
  });
});
