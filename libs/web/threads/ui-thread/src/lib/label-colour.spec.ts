import { contrastRatio, FALLBACK_LABEL_COLOUR, labelTextColour, safeLabelColour } from './label-colour';

describe('labelTextColour', () => {
  it('writes in black on light colours and in white on dark ones', () => {
    expect(labelTextColour('#ffeb3b')).toBe('#000000');
    expect(labelTextColour('#c8e6c9')).toBe('#000000');
    expect(labelTextColour('#1a237e')).toBe('#ffffff');
    expect(labelTextColour('#b71c1c')).toBe('#ffffff');
  });

  it('keeps the text readable (at least 4.5:1) whatever colour the admin picked', () => {
    for (let value = 0; value <= 0xffffff; value += 0x0f0f0f) {
      const background = `#${value.toString(16).padStart(6, '0')}`;
      expect(contrastRatio(background, labelTextColour(background))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('reads an upper-case colour like its lower-case form', () => {
    expect(labelTextColour('#1A237E')).toBe('#ffffff');
  });
});

describe('contrastRatio', () => {
  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#123456', '#123456')).toBe(1);
  });
});

describe('safeLabelColour', () => {
  it('falls back to a neutral grey for anything but #rrggbb, so that nothing else reaches a style', () => {
    expect(safeLabelColour('#00AA55')).toBe('#00aa55');
    expect(safeLabelColour('red')).toBe(FALLBACK_LABEL_COLOUR);
    expect(safeLabelColour('#fff')).toBe(FALLBACK_LABEL_COLOUR);
    expect(safeLabelColour('url(javascript:alert(1))')).toBe(FALLBACK_LABEL_COLOUR);
  });
});
