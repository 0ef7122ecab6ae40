import { BodyTooComplexException, DomainException, ValidationFailedException } from '../exceptions/domain.exception';
import { JSON_BODY_LIMITS, inspectJsonBody, parseJsonBody, withinJsonBudget } from './json-body';

const wide = (keys: number) => Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe(inspectJsonBody.name, () => {
  it('accepts an ordinary form', () => {
    expect(inspectJsonBody({ title: 'Lavoir', description: 'Ligne 1\n\tLigne 2\r\n', lines: [{ amount: 1 }], ok: true, n: null })).toBeNull();
  });

  it('counts keys and array items on every level against the budget', () => {
    expect(inspectJsonBody(wide(JSON_BODY_LIMITS.maxEntries))).toBeNull();
    expect(inspectJsonBody(wide(JSON_BODY_LIMITS.maxEntries + 1))).toEqual({ kind: 'TOO_COMPLEX' });
    expect(inspectJsonBody({ a: wide(1500), b: new Array(600).fill(0) })).toEqual({ kind: 'TOO_COMPLEX' });
  });

  it('limits the depth', () => {
    expect(inspectJsonBody(JSON.parse(deep(JSON_BODY_LIMITS.maxDepth)))).toBeNull();
    expect(inspectJsonBody(JSON.parse(deep(JSON_BODY_LIMITS.maxDepth + 1)))).toEqual({ kind: 'TOO_COMPLEX' });
  });

  it('finds control characters in strings and keys, naming the field', () => {
    expect(inspectJsonBody({ a: { b: ['ok', 'x\u0000y'] } })).toEqual({ kind: 'CONTROL_CHARACTER', field: 'a.b.1' });
    expect(inspectJsonBody({ t: 'bell\u0007' })).toEqual({ kind: 'CONTROL_CHARACTER', field: 't' });
    expect(inspectJsonBody({ t: 'del\u007f' })).toEqual({ kind: 'CONTROL_CHARACTER', field: 't' });
    expect(inspectJsonBody({ 'k\u0001': 1 })).toEqual({ kind: 'CONTROL_CHARACTER', field: 'k\ufffd' });
    expect(inspectJsonBody('\u0000')).toEqual({ kind: 'CONTROL_CHARACTER', field: '(corps)' });
  });

  it('refuses prototype-poisoning keys', () => {
    expect(inspectJsonBody(JSON.parse('{"a":{"__proto__":{"admin":true}}}'))).toEqual({ kind: 'FORBIDDEN_KEY', field: 'a.__proto__' });
    expect(inspectJsonBody(JSON.parse('{"constructor":{"prototype":{"x":1}}}'))).toEqual({ kind: 'FORBIDDEN_KEY', field: 'constructor' });
    expect(inspectJsonBody({ constructor: 'a word' })).toBeNull();
  });
});

describe(withinJsonBudget.name, () => {
  it('never refuses a body the exact walk accepts', () => {
    const bodies = [
      wide(JSON_BODY_LIMITS.maxEntries),
      new Array(JSON_BODY_LIMITS.maxEntries).fill('a,b:c'),
      { 'a:b,c': 'x", :, {[' },
      JSON.parse(deep(JSON_BODY_LIMITS.maxDepth)),
      { quote: 'a\\"b\\', n: [1, 2, { m: 3 }] },
    ];
    for (const body of bodies) {
      expect(inspectJsonBody(body)).toBeNull();
      expect(withinJsonBudget(JSON.stringify(body))).toBe(true);
    }
  });

  it('stops early on too many separators or levels outside strings', () => {
    expect(withinJsonBudget(JSON.stringify(wide(80_000)))).toBe(false);
    expect(withinJsonBudget(JSON.stringify(new Array(2 * JSON_BODY_LIMITS.maxEntries + 2).fill(0)))).toBe(false);
    expect(withinJsonBudget(deep(JSON_BODY_LIMITS.maxDepth + 1))).toBe(false);
  });

  it('leaves malformed text to the parser', () => {
    expect(withinJsonBudget('{"a": "unterminated')).toBe(true);
  });
});

describe(parseJsonBody.name, () => {
  it('returns the parsed body', () => {
    expect(parseJsonBody('{"a":[1,"b"]}')).toEqual({ a: [1, 'b'] });
  });

  it('answers French client errors for every refusal', () => {
    expect(() => parseJsonBody('{"a":')).toThrow(DomainException);
    expect(() => parseJsonBody('')).toThrow(DomainException);
    expect(() => parseJsonBody(JSON.stringify(wide(80_000)))).toThrow(BodyTooComplexException);
    expect(() => parseJsonBody(deep(10_000))).toThrow(BodyTooComplexException);
    expect(() => parseJsonBody('{"q":"a\\u0000b"}')).toThrow(ValidationFailedException);
    try {
      parseJsonBody('{"q":"a\\u0000b"}');
    } catch (error) {
      expect((error as ValidationFailedException).errors).toEqual({ q: expect.stringMatching(/caractère/) });
    }
  });

  it('refuses a huge body quickly (parse and an early-exit walk)', () => {
    const body = JSON.stringify(wide(80_000));
    const started = process.hrtime.bigint();
    expect(() => parseJsonBody(body)).toThrow(BodyTooComplexException);
    // Generous bound (shared CI machine): the refusal used to cost seconds in class-transformer.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(100);
  });
});
