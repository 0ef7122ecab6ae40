import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { StaffApi } from '@passerelle/web/staff/data-access';
import { of } from 'rxjs';
import { AgentsPanel } from './agents-panel';

describe(AgentsPanel.name, () => {
  afterEach(() => document.body.replaceChildren());

  it('lists a wrong address above the invitation form, takes focus and links to the field', async () => {
    const api = { listAgents: jest.fn().mockReturnValue(of([])), inviteAgent: jest.fn() };
    const fixture = TestBed.configureTestingModule({
      imports: [AgentsPanel],
      providers: [
        { provide: StaffApi, useValue: api },
        { provide: MatDialog, useValue: {} },
      ],
    }).createComponent(AgentsPanel);
    fixture.componentRef.setInput('departementCode', '95');
    const element = fixture.nativeElement as HTMLElement;
    document.body.appendChild(element);
    await fixture.whenStable();

    const input = element.querySelector<HTMLInputElement>('#agent-email');
    if (!input) {
      throw new Error('no e-mail field');
    }
    input.value = 'agent-valdoise';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    expect(api.inviteAgent).not.toHaveBeenCalled();
    const summary = element.querySelector<HTMLElement>('.error-summary');
    expect(summary?.querySelector('a')?.textContent?.replace(/[ \n]+/g, ' ').trim()).toBe(
      'Adresse électronique\u00a0: Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.',
    );
    expect(document.activeElement).toBe(summary);
    summary?.querySelector('a')?.click();
    expect(document.activeElement).toBe(input);
  });
});
