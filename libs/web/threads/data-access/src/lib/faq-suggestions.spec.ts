import type { FaqSuggestionDto, FaqSuggestionsDto } from '@passerelle/shared/dto';
import { type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { type SuggestionQuery, suggestWhileTyping } from './faq-suggestions';

function suggestion(id: string): FaqSuggestionDto {
  return { kind: 'FAQ', id, title: id, matchedWords: [], excerpt: '', link: `/espace/faq/${id}` };
}

describe('suggestWhileTyping', () => {
  let scheduler: TestScheduler;
  let asked: SuggestionQuery[];

  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    asked = [];
  });

  /** The API answers after `delay` frames with one suggestion named after the title. */
  function api(delay: string, fail = false) {
    return (query: SuggestionQuery): Observable<FaqSuggestionsDto> => {
      asked.push(query);
      return scheduler.createColdObservable<FaqSuggestionsDto>(fail ? `${delay} #` : `${delay} (a|)`, {
        a: { items: [suggestion(query.title)] },
      });
    };
  }

  const q = (title: string, body = ''): SuggestionQuery => ({ title, body });

  it('asks once typing has paused for 350 ms, with the last text only', () => {
    scheduler.run(({ cold, expectObservable }) => {
      // Four keystrokes 100 ms apart, then a pause.
      const typed = cold('a 99ms b 99ms c 99ms d', {
        a: q('Subvention'),
        b: q('Subvention p'),
        c: q('Subvention po'),
        d: q('Subvention pour'),
      });
      // Last keystroke at 300 ms, asked at 650 ms, answered 10 ms later.
      expectObservable(typed.pipe(suggestWhileTyping(api('10ms')))).toBe('660ms x', { x: [suggestion('Subvention pour')] });
    });
    expect(asked).toEqual([q('Subvention pour')]);
  });

  it('drops the answer to an older text when a newer one is asked', () => {
    scheduler.run(({ cold, expectObservable }) => {
      // The first question is asked at 350 ms and would be answered at 850 ms; the user typed again at 400 ms.
      const typed = cold('a 399ms b', { a: q('Subvention école'), b: q('Subvention école maternelle') });
      expectObservable(typed.pipe(suggestWhileTyping(api('500ms')))).toBe('1250ms y', {
        y: [suggestion('Subvention école maternelle')],
      });
    });
    expect(asked.map((query) => query.title)).toEqual(['Subvention école', 'Subvention école maternelle']);
  });

  it('never asks the same subject and text twice, extra spaces and case aside', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const typed = cold('a 499ms b 499ms c', {
        a: q('Subvention lavoir', 'Toiture'),
        b: q('  subvention   LAVOIR ', 'Toiture '),
        c: q('Subvention lavoir', 'Toiture à refaire'),
      });
      expectObservable(typed.pipe(suggestWhileTyping(api('1ms')))).toBe('351ms a 999ms c', {
        a: [suggestion('Subvention lavoir')],
        c: [suggestion('Subvention lavoir')],
      });
    });
    expect(asked).toEqual([q('Subvention lavoir', 'Toiture'), q('Subvention lavoir', 'Toiture à refaire')]);
  });

  it('asks nothing under 8 characters of subject, and clears what was shown', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const typed = cold('a 499ms b 499ms c', { a: q('Subvention'), b: q('Sub', 'Une longue question'), c: q('Subv') });
      expectObservable(typed.pipe(suggestWhileTyping(api('1ms')))).toBe('351ms a 498ms b', {
        a: [suggestion('Subvention')],
        b: [],
      });
    });
    expect(asked).toEqual([q('Subvention')]);
  });

  it('shows nothing, silently, when the API refuses (too many requests) or fails', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const typed = cold('a', { a: q('Subvention lavoir') });
      expectObservable(typed.pipe(suggestWhileTyping(api('5ms', true)))).toBe('355ms x', { x: [] });
    });
  });
});
