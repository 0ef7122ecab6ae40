import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { DocumentDto, ProjectDto, PublicationDto, Role } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { PublicationApi } from '@passerelle/web/publication/data-access';
import { projectFixture } from '@passerelle/web/projects/data-access/testing';
import { of, throwError } from 'rxjs';
import { PublicationPanel } from './publication-panel';

function aDocument(id: string, kind: DocumentDto['kind'], filename: string): DocumentDto {
  return {
    id,
    projectId: 'p1',
    messageId: null,
    kind,
    filename,
    mimeType: kind === 'PHOTO' ? 'image/jpeg' : 'application/pdf',
    sizeBytes: 1000,
    sha256: 'x',
    uploadedAt: '2026-03-01T10:00:00Z',
    uploadedBy: null,
    contentUrl: `/api/documents/${id}/content`,
    thumbnailUrl: kind === 'PHOTO' ? `/api/documents/${id}/thumbnail` : null,
  };
}

const nothing = { request: false, consent: false, approve: false, reject: false, withdraw: false };

function aPublication(overrides: Partial<PublicationDto> = {}): PublicationDto {
  return {
    state: 'PRIVATE',
    choices: { documentIds: ['photo-1'], showFunding: false },
    slug: null,
    publishedAt: null,
    pendingChanges: false,
    rejectionReason: null,
    events: [],
    can: nothing,
    previewVersion: 'a'.repeat(64),
    views: null,
    ...overrides,
  };
}

describe(PublicationPanel.name, () => {
  let api: { get: jest.Mock; act: jest.Mock };
  let confirmed: boolean;
  let dialog: { open: jest.Mock };

  const completed = () =>
    projectFixture({
      status: 'COMPLETED',
      documents: [aDocument('photo-1', 'PHOTO', 'avant.jpg'), aDocument('photo-2', 'PHOTO', 'apres.jpg'), aDocument('doc-1', 'DOCUMENT', 'bilan.pdf')],
    });

  async function render(role: Role, publication: PublicationDto, project: ProjectDto = completed()) {
    api = { get: jest.fn(() => of(publication)), act: jest.fn() };
    confirmed = true;
    dialog = { open: jest.fn(() => ({ afterClosed: () => of(confirmed) })) };
    TestBed.configureTestingModule({
      imports: [PublicationPanel],
      providers: [
        provideRouter([]),
        { provide: PublicationApi, useValue: api },
        { provide: AuthSession, useValue: { role: signal(role) } },
        { provide: MatDialog, useValue: dialog },
      ],
    });
    const fixture = TestBed.createComponent(PublicationPanel);
    fixture.componentRef.setInput('project', project);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();
  const buttons = (element: HTMLElement) =>
    [...element.querySelectorAll('button:not([role="switch"])')].map((b) => squash(b.textContent));
  const box = (element: HTMLElement, name: string) => {
    const label = [...element.querySelectorAll('mat-checkbox')].find((c) => c.textContent?.includes(name));
    const input = label?.querySelector('input');
    if (!input) {
      throw new Error(`no checkbox ${name}`);
    }
    return input;
  };

  it('lets a collaborator choose what to show and ask for the publication, sending those choices', async () => {
    const { fixture, element } = await render('COLLABORATOR', aPublication({ can: { ...nothing, request: true } }));
    expect(buttons(element)).toEqual(['Demander la publication']);
    expect(box(element, 'avant.jpg').checked).toBe(true);
    expect(box(element, 'bilan.pdf').checked).toBe(false);

    box(element, 'avant.jpg').click();
    box(element, 'bilan.pdf').click();
    element.querySelector<HTMLInputElement>('mat-slide-toggle button')?.click();
    api.act.mockReturnValue(of(aPublication({ state: 'AWAITING_CONSENT' })));
    element.querySelector<HTMLButtonElement>('button.submit')?.click();
    await fixture.whenStable();

    expect(api.act).toHaveBeenCalledWith('p1', { action: 'request', choices: { documentIds: ['doc-1'], showFunding: true } });
    expect(element.querySelector('.notice')?.textContent).toContain('Demande envoyée (1 document)');
    // The button is gone with the state: focus goes to the confirmation, not to <body>.
    expect(document.activeElement).toBe(element.querySelector('.notice'));
    expect(element.textContent).toContain('En attente de l’accord du maire');
  });

  it('has the mayor publish with their consent at once, or consent to a collaborator’s request', async () => {
    const first = await render('MAYOR', aPublication({ can: { ...nothing, request: true } }));
    expect(buttons(first.element)).toEqual(['Publier avec mon accord']);
    TestBed.resetTestingModule();

    const { fixture, element } = await render(
      'MAYOR',
      aPublication({ state: 'AWAITING_CONSENT', can: { ...nothing, consent: true, withdraw: true } }),
    );
    expect(buttons(element)).toEqual(['Donner mon accord', 'Retirer l’accord']);
    api.act.mockReturnValue(of(aPublication({ state: 'AWAITING_REVIEW' })));
    element.querySelector<HTMLButtonElement>('button.submit')?.click();
    await fixture.whenStable();
    // The consent names the version of the fiche the mayor read.
    expect(api.act).toHaveBeenCalledWith('p1', {
      action: 'consent',
      choices: { documentIds: ['photo-1'], showFunding: false },
      version: 'a'.repeat(64),
    });
  });

  it('asks before withdrawing, says the fiche leaves the portal at once, and withdraws only when confirmed', async () => {
    const published = aPublication({ state: 'PUBLISHED', slug: 'lavoir-ableiges', publishedAt: '2026-05-01T10:00:00Z', can: { ...nothing, withdraw: true } });
    const { fixture, element } = await render('MAYOR', published);
    expect(element.querySelector('a.public-link')?.getAttribute('href')).toBe('/projets/lavoir-ableiges');
    expect(element.querySelector('form.choices')).toBeNull();

    confirmed = false;
    element.querySelector<HTMLButtonElement>('button.withdraw')?.click();
    expect(dialog.open.mock.calls[0][1].data.message).toContain('disparaîtra immédiatement du portail public');
    expect(api.act).not.toHaveBeenCalled();

    confirmed = true;
    api.act.mockReturnValue(of(aPublication()));
    element.querySelector<HTMLButtonElement>('button.withdraw')?.click();
    await fixture.whenStable();
    expect(api.act).toHaveBeenCalledWith('p1', { action: 'withdraw' });
    expect(element.textContent).toContain('Non publié');
  });

  it('shows staff the state and the way to the review, never the commune’s choices', async () => {
    const { element } = await render(
      'AGENT',
      aPublication({ state: 'AWAITING_REVIEW', can: { ...nothing, approve: true, reject: true } }),
    );
    expect(element.textContent).toContain('En attente de relecture par le département');
    expect(element.querySelector('a.review-link')?.getAttribute('href')).toBe('/departement/publications/p1');
    expect(element.querySelector('form.choices')).toBeNull();
    expect(buttons(element)).toEqual([]);
  });

  it('says a project must be completed first, and shows the rejection reason', async () => {
    const { element } = await render(
      'MAYOR',
      aPublication({ rejectionReason: 'Ajoutez une photo du lavoir restauré.' }),
      projectFixture({ status: 'IN_PROGRESS' }),
    );
    expect(squash(element.textContent)).toContain('La publication sera possible quand le projet sera à l’état « Réalisé ».');
    expect(element.textContent).toContain('Ajoutez une photo du lavoir restauré.');
    expect(buttons(element)).toEqual([]);
  });

  it('offers a new review of changes made since the publication', async () => {
    const { element } = await render(
      'COLLABORATOR',
      aPublication({ state: 'PUBLISHED', slug: 's', pendingChanges: true, can: { ...nothing, request: true } }),
    );
    expect(element.querySelector('.pending')?.textContent).toContain('demandez une nouvelle relecture');
    expect(buttons(element)).toEqual(['Demander une nouvelle relecture']);
  });

  it('reloads after a conflict and says why', async () => {
    const { fixture, element } = await render('MAYOR', aPublication({ can: { ...nothing, request: true } }));
    api.act.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { code: 'PUBLICATION_TRANSITION_FORBIDDEN', message: 'Rechargez la page.' },
          }),
      ),
    );
    api.get.mockReturnValue(of(aPublication({ state: 'AWAITING_REVIEW' })));
    element.querySelector<HTMLButtonElement>('button.submit')?.click();
    await fixture.whenStable();
    expect(api.get).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('elle vient d’être rechargée');
    expect(element.textContent).toContain('En attente de relecture par le département');
  });

  it('asks the page to reload the fiche when it changed since the mayor read it', async () => {
    const { fixture, element } = await render('MAYOR', aPublication({ state: 'AWAITING_CONSENT', can: { ...nothing, consent: true } }));
    const changed = jest.fn();
    fixture.componentInstance.ficheChanged.subscribe(changed);
    api.act.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { code: 'PUBLICATION_STALE_PREVIEW', message: 'La fiche a changé depuis votre lecture.', current: {} },
          }),
      ),
    );
    api.get.mockReturnValue(of(aPublication({ state: 'AWAITING_CONSENT', can: { ...nothing, consent: true }, previewVersion: 'b'.repeat(64) })));
    element.querySelector<HTMLButtonElement>('button.submit')?.click();
    await fixture.whenStable();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('La fiche a changé depuis votre lecture');

    api.act.mockReturnValue(of(aPublication({ state: 'AWAITING_REVIEW' })));
    element.querySelector<HTMLButtonElement>('button.submit')?.click();
    await fixture.whenStable();
    expect(api.act).toHaveBeenLastCalledWith('p1', expect.objectContaining({ action: 'consent', version: 'b'.repeat(64) }));
  });

  it('gives the consultations as figures and as a table for screen readers', async () => {
    const daily = [
      { day: '2026-05-01', count: 0 },
      { day: '2026-05-02', count: 4 },
    ];
    const { element } = await render(
      'MAYOR',
      aPublication({ state: 'PUBLISHED', slug: 's', views: { total: 57, last30Days: 4, daily } }),
    );
    expect(element.querySelector('.views-total')?.textContent).toBe('57');
    expect(element.querySelector('.views-30')?.textContent).toBe('4');
    expect(element.querySelector('.chart')?.closest('[aria-hidden="true"]')).not.toBeNull();
    const rows = [...element.querySelectorAll('table tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['01/05/2026', '0'],
      ['02/05/2026', '4'],
    ]);
  });
});
