import { TestBed } from '@angular/core/testing';
import type { CommuneDto } from '@passerelle/shared/dto';
import { CommuneDetails } from './commune-details';

const commune: CommuneDto = {
  insee: '95002',
  name: 'Ableiges',
  population: 1108,
  postcodes: ['95450', '95451'],
  eligible: true,
  departementCode: '95',
  canton: { code: '95016', name: 'Pontoise' },
  epci: { siren: '200035970', name: 'CC Vexin Centre' },
  center: null,
  siren: '219500022',
  departement: { code: '95', name: "Val-d'Oise" },
  outline: null,
};

describe(CommuneDetails.name, () => {
  it('lists what the portal knows about the commune, in French', async () => {
    const fixture = TestBed.createComponent(CommuneDetails);
    fixture.componentRef.setInput('commune', commune);
    fixture.componentRef.setInput('threshold', 5000);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const entries = Array.from(element.querySelectorAll('dl > div')).map((div) => [
      div.querySelector('dt')?.textContent?.trim(),
      div.querySelector('dd')?.textContent?.trim(),
    ]);
    expect(element.querySelector('h3')?.textContent).toBe('Ableiges');
    expect(element.textContent).toContain('Commune de moins de 5\u202f000 habitants');
    expect(entries).toEqual([
      ['Population', '1\u202f108 habitants'],
      ['Codes postaux', '95450, 95451'],
      ['Canton', 'Pontoise'],
      ['Intercommunalité (EPCI)', 'CC Vexin Centre'],
      ['Code INSEE', '95002'],
    ]);
  });

  it('can take focus on its heading and reports closing', async () => {
    const fixture = TestBed.createComponent(CommuneDetails);
    fixture.componentRef.setInput('commune', { ...commune, canton: null, epci: null });
    fixture.componentRef.setInput('threshold', 5000);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    document.body.appendChild(element);

    fixture.componentInstance.focus();
    expect(document.activeElement).toBe(element.querySelector('h3'));

    let closed = false;
    fixture.componentInstance.closed.subscribe(() => (closed = true));
    element.querySelector('button')?.click();
    expect(closed).toBe(true);
    expect(element.textContent).toContain('Canton—');
    element.remove();
  });
});
