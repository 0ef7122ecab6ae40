import { Subject, throwError } from 'rxjs';
import { busyFlag } from './busy-flag';

describe('busyFlag', () => {
  it('is up from the subscription of the request until its answer, and down again after it', () => {
    const sut = busyFlag();
    const answer = new Subject<string>();
    const seen: boolean[] = [];

    const request = sut.track(answer);
    expect(sut()).toBe(false);

    request.subscribe({ next: () => seen.push(sut()), complete: () => seen.push(sut()) });
    expect(sut()).toBe(true);

    answer.next('ok');
    answer.complete();
    // The handlers still see the request under way, as with `finalize` written by hand.
    expect(seen).toEqual([true, true]);
    expect(sut()).toBe(false);
  });

  it('goes down when the request fails', () => {
    const sut = busyFlag();
    const failures: unknown[] = [];

    sut.track(throwError(() => new Error('refused'))).subscribe({ error: (error: unknown) => failures.push(error) });

    expect(failures).toHaveLength(1);
    expect(sut()).toBe(false);
  });

  it('goes down when the request is cancelled (the page is left)', () => {
    const sut = busyFlag();
    const subscription = sut.track(new Subject<void>()).subscribe();
    expect(sut()).toBe(true);

    subscription.unsubscribe();

    expect(sut()).toBe(false);
  });

  it('can be used as a pipe operator', () => {
    const sut = busyFlag();
    const answer = new Subject<number>();
    const values: number[] = [];

    answer.pipe(sut.track).subscribe((value) => values.push(value));
    answer.next(1);
    expect(sut()).toBe(true);
    answer.complete();

    expect(values).toEqual([1]);
    expect(sut()).toBe(false);
  });

  it('keeps two flags apart', () => {
    const saving = busyFlag();
    const deleting = busyFlag();

    saving.track(new Subject<void>()).subscribe();

    expect(saving()).toBe(true);
    expect(deleting()).toBe(false);
  });
});
