import { TestBed } from '@angular/core/testing';
import { ThreadStateChip } from './thread-state-chip';

describe(ThreadStateChip.name, () => {
  const render = async (state: 'ANSWERED' | 'CLOSED', audience?: 'commune' | 'staff') => {
    const fixture = TestBed.createComponent(ThreadStateChip);
    fixture.componentRef.setInput('state', state);
    if (audience) {
      fixture.componentRef.setInput('audience', audience);
    }
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent?.trim();
  };

  it('tells the commune that the answer was received, and the agents that it was sent', async () => {
    expect(await render('ANSWERED')).toBe('Réponse reçue');
    expect(await render('ANSWERED', 'commune')).toBe('Réponse reçue');
    expect(await render('ANSWERED', 'staff')).toBe('Réponse envoyée');
  });

  it('says the other states alike on both sides', async () => {
    expect(await render('CLOSED', 'commune')).toBe('Fermée');
    expect(await render('CLOSED', 'staff')).toBe('Fermée');
  });
});
