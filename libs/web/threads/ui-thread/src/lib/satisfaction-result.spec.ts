import { TestBed } from '@angular/core/testing';
import type { SatisfactionDto } from '@passerelle/shared/dto';
import { SatisfactionResult } from './satisfaction-result';

describe(SatisfactionResult.name, () => {
  async function render(satisfaction: SatisfactionDto) {
    const fixture = TestBed.createComponent(SatisfactionResult);
    fixture.componentRef.setInput('satisfaction', satisfaction);
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  const answer: SatisfactionDto = {
    score: 4,
    effort: null,
    comment: null,
    answeredAt: '2026-03-12T10:00:00Z',
    answeredBy: 'Nathalie Girard',
  };

  it('shows the effort with its degree of agreement when the commune gave it', async () => {
    const text = await render({ ...answer, effort: 6 });
    expect(text).toContain('Facilement (4 sur 5)');
    expect(text).toContain('« Il a été facile d’obtenir une réponse à ma question »');
    expect(text).toContain('D’accord (6 sur 7)');
  });

  it('says nothing of the effort when the question was skipped', async () => {
    const text = await render(answer);
    expect(text).toContain('Facilement (4 sur 5)');
    expect(text).not.toContain('Il a été facile');
    expect(text).not.toContain('sur 7');
  });
});
