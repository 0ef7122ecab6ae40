import { BodyTooComplexException, DomainException, ValidationFailedException } from '../exceptions/domain.exception';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacterInText, printableField } from './control-characters';

/**
 * What a JSON body may hold before anything transforms it. class-transformer and class-validator walk every
 * key of a body (80,000 unknown keys cost seconds of CPU before the refusal), so the budget is enforced on
 * the parsed value first, in one iterative pass that stops at the first excess.
 */
export const JSON_BODY_LIMITS = {
  /** Object keys plus array items, all levels together; the largest form (a project) has about a hundred. */
  maxEntries: 2_000,
  /** Levels of objects and arrays; the deepest form has three. */
  maxDepth: 32,
} as const;

export type JsonBodyProblem =
  | { kind: 'TOO_COMPLEX' }
  | { kind: 'FORBIDDEN_KEY'; field: string }
  | { kind: 'CONTROL_CHARACTER'; field: string };

interface Pending {
  value: unknown;
  depth: number;
  path: string;
}

/**
 * Checks a parsed JSON value: entry count and depth, prototype-poisoning keys (refused like Fastify's own
 * parser does), and control characters in keys and strings (tab, LF and CR are allowed in text).
 */
export function inspectJsonBody(root: unknown, limits: { maxEntries: number; maxDepth: number } = JSON_BODY_LIMITS): JsonBodyProblem | null {
  let entries = 0;
  const stack: Pending[] = [{ value: root, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as Pending;
    if (typeof value === 'string') {
      if (hasControlCharacterInText(value)) {
        return { kind: 'CONTROL_CHARACTER', field: path || '(corps)' };
      }
      continue;
    }
    if (value === null || typeof value !== 'object') {
      continue;
    }
    if (depth >= limits.maxDepth) {
      return { kind: 'TOO_COMPLEX' };
    }
    if (Array.isArray(value)) {
      entries += value.length;
      if (entries > limits.maxEntries) {
        return { kind: 'TOO_COMPLEX' };
      }
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], depth: depth + 1, path: join(path, String(i)) });
      }
      continue;
    }
    const keys = Object.keys(value);
    entries += keys.length;
    if (entries > limits.maxEntries) {
      return { kind: 'TOO_COMPLEX' };
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child = (value as Record<string, unknown>)[key];
      const field = join(path, key);
      if (hasControlCharacterInText(key)) {
        return { kind: 'CONTROL_CHARACTER', field: printableField(field) };
      }
      if (key === '__proto__' || (key === 'constructor' && child !== null && typeof child === 'object' && Object.prototype.hasOwnProperty.call(child, 'prototype'))) {
        return { kind: 'FORBIDDEN_KEY', field };
      }
      stack.push({ value: child, depth: depth + 1, path: field });
    }
  }
  return null;
}

/**
 * Before parsing: a scan of the raw text that stops as soon as it sees more nesting than allowed, or more `:`
 * and `,` outside strings than a body within budget can hold (an object of k keys has k colons and k - 1
 * commas, an array of k items k - 1 commas: at most two per entry). So an oversized body is refused after
 * reading its first few kilobytes, without building it; it never refuses what the exact walk would accept.
 * Malformed text is left to JSON.parse.
 */
export function withinJsonBudget(text: string, limits: { maxEntries: number; maxDepth: number } = JSON_BODY_LIMITS): boolean {
  const maxSeparators = 2 * limits.maxEntries;
  let depth = 0;
  let separators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = closingQuote(text, i);
      if (i === -1) {
        return true;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limits.maxDepth) {
        return false;
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    } else if (c === COLON || c === COMMA) {
      if (++separators > maxSeparators) {
        return false;
      }
    }
  }
  return true;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/** Index of the quote that ends the string opened at `open` (one not escaped by an odd run of backslashes). */
function closingQuote(text: string, open: number): number {
  let at = open + 1;
  for (;;) {
    at = text.indexOf('"', at);
    if (at === -1) {
      return -1;
    }
    let backslashes = 0;
    for (let k = at - 1; text.charCodeAt(k) === BACKSLASH; k--) {
      backslashes++;
    }
    if (backslashes % 2 === 0) {
      return at;
    }
    at++;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

const MALFORMED = 'Le contenu envoyé n’est pas du JSON valide.';

/**
 * Fastify's JSON body parser, replaced: scan, parse, then refuse what is too big to transform or unsafe to store,
 * with the API's French errors. A body too deep for the parser itself (RangeError) is a client error too.
 */
export function parseJsonBody(text: string): unknown {
  if (text === '') {
    throw new DomainException('BAD_REQUEST', 'INVALID', 'Le contenu JSON annoncé est vide.');
  }
  if (!withinJsonBudget(text)) {
    throw new BodyTooComplexException(JSON_BODY_LIMITS);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new BodyTooComplexException(JSON_BODY_LIMITS);
    }
    throw new DomainException('BAD_REQUEST', 'INVALID', MALFORMED);
  }
  const problem = inspectJsonBody(parsed);
  if (problem === null) {
    return parsed;
  }
  switch (problem.kind) {
    case 'TOO_COMPLEX':
      throw new BodyTooComplexException(JSON_BODY_LIMITS);
    case 'FORBIDDEN_KEY':
      throw new ValidationFailedException({ [problem.field]: 'Ce champ n’est pas accepté.' });
    case 'CONTROL_CHARACTER':
      throw new ValidationFailedException({ [problem.field]: CONTROL_CHARACTER_MESSAGE });
  }
}
