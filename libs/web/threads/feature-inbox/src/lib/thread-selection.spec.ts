import { ThreadSelection } from './thread-selection';

describe(ThreadSelection.name, () => {
  let sut: ThreadSelection;
  const page = ['a', 'b', 'c'];

  beforeEach(() => {
    sut = new ThreadSelection();
  });

  it('ticks and unticks one thread', () => {
    sut.toggle('a');
    expect(sut.has('a')).toBe(true);
    expect(sut.count()).toBe(1);
    sut.toggle('a');
    expect(sut.has('a')).toBe(false);
    expect(sut.count()).toBe(0);
  });

  it('ticks the whole page, then unticks it', () => {
    sut.toggle('b');
    expect(sut.someOf(page)).toBe(true);
    sut.toggleAll(page);
    expect(sut.allOf(page)).toBe(true);
    expect(sut.someOf(page)).toBe(false);
    expect(sut.count()).toBe(3);
    sut.toggleAll(page);
    expect(sut.count()).toBe(0);
  });

  it('does not count an empty page as all ticked', () => {
    expect(sut.allOf([])).toBe(false);
  });

  it('drops the ticks of threads no longer on the page', () => {
    sut.toggleAll(page);
    sut.keepOnly(['b', 'c', 'd']);
    expect([...sut.selected()]).toEqual(['b', 'c']);
  });

  it('keeps the same set when nothing left the page, so that nothing recomputes', () => {
    sut.toggle('a');
    const before = sut.selected();
    sut.keepOnly(page);
    expect(sut.selected()).toBe(before);
  });
});
