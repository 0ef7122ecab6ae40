import { delayAfter } from './sign-in-limits';

describe('delayAfter', () => {
  it('lets the first 3 failures through at once, then adds half a second per failure, at most 3 seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 8, 9, 50].map(delayAfter)).toEqual([0, 0, 0, 500, 1000, 1500, 3000, 3000, 3000]);
  });
});
