import { boundaryStyle, cantonStyle, communeStyle, MAP_COLORS } from './territory-map-styles';

describe('communeStyle', () => {
  it('fills the two kinds of communes with different colours', () => {
    expect(communeStyle(true, 'idle').fillColor).toBe(MAP_COLORS.eligible);
    expect(communeStyle(false, 'idle').fillColor).toBe(MAP_COLORS.ineligible);
    expect(MAP_COLORS.eligible).not.toBe(MAP_COLORS.ineligible);
  });

  it('keeps the eligibility colour while hovered or selected, and makes the outline stand out more and more', () => {
    const idle = communeStyle(false, 'idle');
    const hovered = communeStyle(false, 'hovered');
    const selected = communeStyle(false, 'selected');
    expect(hovered.fillColor).toBe(MAP_COLORS.ineligible);
    expect(selected.fillColor).toBe(MAP_COLORS.ineligible);
    expect(idle.weight).toBeLessThan(hovered.weight ?? 0);
    expect(hovered.weight).toBeLessThan(selected.weight ?? 0);
    expect(idle.fillOpacity).toBeLessThan(selected.fillOpacity ?? 0);
  });
});

describe('cantonStyle', () => {
  it('draws lines only, thicker than commune limits, that never catch the pointer', () => {
    expect(cantonStyle.fill).toBe(false);
    expect(cantonStyle.interactive).toBe(false);
    expect(cantonStyle.weight).toBeGreaterThan(communeStyle(true, 'idle').weight ?? 0);
    expect(boundaryStyle.weight).toBeGreaterThan(cantonStyle.weight ?? 0);
  });
});
