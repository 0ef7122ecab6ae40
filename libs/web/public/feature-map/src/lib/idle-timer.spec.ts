import { IdleTimer } from './idle-timer';

describe(IdleTimer.name, () => {
  let target: EventTarget;
  let onIdle: jest.Mock;
  let sut: IdleTimer;

  beforeEach(() => {
    jest.useFakeTimers();
    target = new EventTarget();
    onIdle = jest.fn();
    sut = new IdleTimer(target, 120_000, onIdle);
  });

  afterEach(() => {
    sut.stop();
    jest.useRealTimers();
  });

  it('fires once after the delay without activity', () => {
    sut.start();
    jest.advanceTimersByTime(119_999);
    expect(onIdle).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it.each(['pointerdown', 'keydown', 'wheel', 'touchstart'])('starts the wait again on %s', (type) => {
    sut.start();
    jest.advanceTimersByTime(100_000);
    target.dispatchEvent(new Event(type));
    jest.advanceTimersByTime(100_000);
    expect(onIdle).not.toHaveBeenCalled();
    jest.advanceTimersByTime(20_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('waits again after the next activity once it has fired', () => {
    sut.start();
    jest.advanceTimersByTime(120_000);
    target.dispatchEvent(new Event('pointerdown'));
    jest.advanceTimersByTime(120_000);
    expect(onIdle).toHaveBeenCalledTimes(2);
  });

  it('neither fires nor listens once stopped', () => {
    sut.start();
    sut.stop();
    target.dispatchEvent(new Event('pointerdown'));
    jest.advanceTimersByTime(600_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
