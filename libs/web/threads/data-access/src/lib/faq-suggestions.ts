import { FAQ_LIMITS, type FaqSuggestionDto, type FaqSuggestionsDto } from '@passerelle/shared/dto';
import { catchError, debounceTime, distinctUntilChanged, map, type Observable, of, type OperatorFunction, switchMap } from 'rxjs';

/** What is being typed: a question's subject and text, or a question to answer. */
export interface SuggestionQuery {
  title: string;
  body: string;
}

/** A pause in typing this long asks for suggestions. */
export const SUGGEST_DEBOUNCE_MS = 350;

/**
 * The suggestions for what is being typed: asked once typing pauses, the answer to an older text dropped when a newer
 * one is asked, the same text (spaces and case aside) never asked twice in a row, nothing asked under
 * `FAQ_LIMITS.suggestTitleMin` characters of title. A refusal (429 while the user types fast) or a failure shows
 * no suggestion: they are a help, never an error to read.
 */
export function suggestWhileTyping(
  suggest: (query: SuggestionQuery) => Observable<FaqSuggestionsDto>,
  debounceMs = SUGGEST_DEBOUNCE_MS,
): OperatorFunction<SuggestionQuery, FaqSuggestionDto[]> {
  return (queries) =>
    queries.pipe(
      map(tidy),
      debounceTime(debounceMs),
      distinctUntilChanged((a, b) => key(a) === key(b)),
      switchMap((query) =>
        query.title.length < FAQ_LIMITS.suggestTitleMin
          ? of([])
          : suggest(query).pipe(
              map((answer) => answer.items.slice(0, FAQ_LIMITS.suggestionsMax)),
              catchError(() => of([])),
            ),
      ),
    );
}

function tidy(query: SuggestionQuery): SuggestionQuery {
  return {
    title: collapse(query.title),
    body: collapse(query.body).slice(0, FAQ_LIMITS.suggestBodyMax),
  };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Under the minimum the title does not count: « Sub » and « Subv » both show nothing, and ask nothing. */
function key(query: SuggestionQuery): string {
  if (query.title.length < FAQ_LIMITS.suggestTitleMin) {
    return '';
  }
  return `${query.title}\n${query.body}`.toLocaleLowerCase('fr');
}
