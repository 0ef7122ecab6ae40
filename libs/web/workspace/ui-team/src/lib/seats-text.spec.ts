import { seatsText } from './seats-text';

describe('seatsText', () => {
  it('counts the occupied seats out of the total', () => {
    expect(seatsText({ total: 4, used: 3, free: 1 })).toBe('3 places sur 4 occupées');
    expect(seatsText({ total: 4, used: 4, free: 0 })).toBe('4 places sur 4 occupées');
  });

  it('keeps the singular for one seat', () => {
    expect(seatsText({ total: 4, used: 1, free: 3 })).toBe('1 place sur 4 occupée');
  });
});
