import { findControlCharacterInParameters, hasControlCharacter, hasControlCharacterInText } from './control-characters';

describe('control characters', () => {
  it('refuses every C0 control and DEL in parameters, tab included', () => {
    for (const c of ['\u0000', '\u0001', '\t', '\n', '\r', '\u001f', '\u007f']) {
      expect(hasControlCharacter(`a${c}b`)).toBe(true);
    }
    expect(hasControlCharacter('école — « ok » 😀')).toBe(false);
  });

  it('allows tab and line breaks in body text only', () => {
    expect(hasControlCharacterInText('a\tb\nc\r\n')).toBe(false);
    expect(hasControlCharacterInText('a\u0000')).toBe(true);
    expect(hasControlCharacterInText('\u000b')).toBe(true);
  });

  it('names the query or path parameter that holds one', () => {
    expect(findControlCharacterInParameters({ q: 'ecole', theme: ['A', 'B'] }, { id: '12' })).toBeNull();
    expect(findControlCharacterInParameters({ q: 'a\u0000b' }, {})).toBe('q');
    expect(findControlCharacterInParameters({ theme: ['A', '\u0000'] }, {})).toBe('theme');
    expect(findControlCharacterInParameters({}, { slug: 'x\u0007' })).toBe('slug');
    expect(findControlCharacterInParameters({ 'x\u0000': '1' }, undefined)).toBe('x\ufffd');
  });
});
