import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { FundingLineDto, MeDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { MAP_STYLESHEET_URL } from '@passerelle/web/shared/ui-map';
import { StaffApi } from '@passerelle/web/staff/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of } from 'rxjs';
import { DeptProjectEditPage } from './dept-project-edit-page';
import { deptProject } from './testing-fixtures';

const detr: FundingLineDto = {
  funder: 'ETAT',
  funderName: null,
  scheme: 'DETR',
  amountRequestedCents: 40_000_000,
  amountObtainedCents: null,
  state: 'REQUESTED',
  requestedOn: '2026-02-01',
  decidedOn: null,
};

describe(DeptProjectEditPage.name, () => {
  let api: { getProject: jest.Mock; updateProject: jest.Mock; listAxes: jest.Mock };
  let fixture: ComponentFixture<DeptProjectEditPage>;
  let element: HTMLElement;

  async function render(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [DeptProjectEditPage],
      providers: [
        provideRouter([]),
        { provide: DeptProjectsApi, useValue: api },
        {
          provide: AuthSession,
          useValue: {
            user: signal<Partial<MeDto>>({ role: 'AGENT', departement: { code: '95', name: 'Val-d’Oise' } } as Partial<MeDto>),
            role: signal('AGENT'),
          },
        },
        {
          provide: TerritoryApi,
          useValue: { listCantons: () => of({ items: [], total: 0 }), getDepartement: () => of({ code: '95', outline: null }) },
        },
        { provide: StaffApi, useValue: { listAgents: () => of({ items: [], total: 0 }) } },
        { provide: PublicConfig, useValue: { load: () => of({ tileUrl: null, tileAttribution: '' }) } },
        { provide: MAP_STYLESHEET_URL, useValue: null },
      ],
    });
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(DeptProjectEditPage);
    fixture.componentRef.setInput('id', 'd1');
    element = fixture.nativeElement;
    document.body.appendChild(element);
    await fixture.whenStable();
  }

  afterEach(() => element?.remove());

  function type(selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(selector);
    if (!input) {
      throw new Error(`no field ${selector}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  function click(label: string): void {
    const found = Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === label);
    if (!found) {
      throw new Error(`no button ${label}`);
    }
    found.click();
  }

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
  }

  beforeEach(() => {
    api = {
      getProject: jest.fn().mockReturnValue(of(deptProject({ fundingLines: [detr] }))),
      updateProject: jest.fn().mockReturnValue(of(deptProject({ version: 3 }))),
      listAxes: jest.fn().mockReturnValue(of([])),
    };
  });

  it('edits the funding lines in their own section and sends them, and only them, with the version', async () => {
    await render();
    const section = element.querySelector('section[aria-labelledby="s-funding"]');
    expect(section?.querySelector('h2')?.textContent?.trim()).toBe('Financements');
    expect(element.querySelector<HTMLInputElement>('#field-fundingLines-0-scheme')?.value).toBe('DETR');

    type('#field-fundingLines-0-amountObtainedCents', '350 000');
    click('Ajouter un financement');
    await settle();
    type('#field-fundingLines-1-scheme', 'Fonds vert');
    type('#field-fundingLines-1-amountRequestedCents', '12 000,50');
    click('Enregistrer');
    await settle();

    expect(api.updateProject).toHaveBeenCalledWith('d1', {
      fundingLines: [
        { ...detr, amountObtainedCents: 35_000_000 },
        {
          funder: 'ETAT',
          funderName: null,
          scheme: 'Fonds vert',
          amountRequestedCents: 1_200_050,
          amountObtainedCents: null,
          state: 'CONSIDERED',
          requestedOn: null,
          decidedOn: null,
        },
      ],
      version: 2,
    });
  });

  it('sends a removed funding line as gone', async () => {
    await render();
    click('Retirer le financement 1');
    await settle();
    click('Enregistrer');
    await settle();
    expect(api.updateProject).toHaveBeenCalledWith('d1', { fundingLines: [], version: 2 });
  });

  it('names a funding line’s field with its line in the error summary, linked to the field', async () => {
    await render();
    type('#field-fundingLines-0-amountRequestedCents', 'douze euros');
    click('Enregistrer');
    await settle();
    expect(api.updateProject).not.toHaveBeenCalled();
    const link = element.querySelector<HTMLAnchorElement>('.error-summary a');
    expect(link?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^Financement 1, montant demandé HT/);
    link?.click();
    expect(document.activeElement?.id).toBe('field-fundingLines-0-amountRequestedCents');
  });
});
