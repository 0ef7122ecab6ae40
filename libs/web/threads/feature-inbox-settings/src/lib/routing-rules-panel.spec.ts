import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { StaffApi } from '@passerelle/web/staff/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { InboxSettingsApi } from '@passerelle/web/threads/data-access';
import { of } from 'rxjs';
import { RoutingRulesPanel } from './routing-rules-panel';

describe(RoutingRulesPanel.name, () => {
  afterEach(() => document.body.replaceChildren());

  it('lists the missing criterion and agent above the form, takes focus and links to the fields', async () => {
    const createRoutingRule = jest.fn();
    const fixture = TestBed.configureTestingModule({
      imports: [RoutingRulesPanel],
      providers: [
        {
          provide: InboxSettingsApi,
          useValue: { listRoutingRules: () => of([]), createRoutingRule, deleteRoutingRule: jest.fn() },
        },
        { provide: StaffApi, useValue: { listAgents: () => of({ items: [], total: 0, limit: 100, offset: 0 }) } },
        { provide: TerritoryApi, useValue: { listCantons: () => of({ items: [], total: 0, limit: 100, offset: 0 }) } },
        { provide: MatDialog, useValue: {} },
      ],
    }).createComponent(RoutingRulesPanel);
    fixture.componentRef.setInput('departementCode', '95');
    const element = fixture.nativeElement as HTMLElement;
    // In the document, so that the summary's links find their fields by id and focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();

    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    expect(createRoutingRule).not.toHaveBeenCalled();
    expect(element.querySelector('.required-note')?.textContent).toBe('Les champs marqués * sont obligatoires.');
    const summary = element.querySelector<HTMLElement>('.error-summary');
    const links = Array.from(summary?.querySelectorAll('a') ?? []);
    expect(links.map((link) => link.textContent?.replace(/[ \n]+/g, ' ').trim())).toEqual([
      'Canton ou catégorie\u00a0: Choisissez un canton, une catégorie, ou les deux.',
      'Attribuer à\u00a0: Ce champ est obligatoire.',
    ]);
    expect(document.activeElement).toBe(summary);
    links[0].click();
    expect(document.activeElement).toBe(element.querySelector('#rule-cantonCode'));
    links[1].click();
    expect(document.activeElement).toBe(element.querySelector('#rule-agentId'));
  });
});
