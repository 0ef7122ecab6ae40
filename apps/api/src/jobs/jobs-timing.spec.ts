import { jobsTiming } from './jobs-timing';

describe(jobsTiming.name, () => {
  it('sweeps every minute by default (60 s) and when asked more often', () => {
    expect(jobsTiming(60).sweepCron).toBe('* * * * *');
    expect(jobsTiming(1).sweepCron).toBe('* * * * *');
  });

  it('sweeps every whole number of minutes at or above a longer interval, hourly at most', () => {
    expect(jobsTiming(300).sweepCron).toBe('*/5 * * * *');
    expect(jobsTiming(90).sweepCron).toBe('*/2 * * * *');
    expect(jobsTiming(3600).sweepCron).toBe('0 * * * *');
  });

  it('keeps the look-out for lost jobs and the polling within pg-boss bounds', () => {
    expect(jobsTiming(1)).toMatchObject({ superviseSeconds: 1, pollingSeconds: 1 });
    expect(jobsTiming(3600)).toMatchObject({ superviseSeconds: 60, pollingSeconds: 2 });
  });
});
