import { RETRY_DELAYS_MS, describeDeliveryError, retryDelayMs } from './mail-retry';

describe(retryDelayMs.name, () => {
  const transient = { permanent: false };
  const minutes = (attempts: number) => {
    const delay = retryDelayMs(attempts, transient);
    return delay === null ? null : delay / 60_000;
  };

  it('retries after 1 min, 5 min, 30 min, 2 h and 12 h', () => {
    expect([1, 2, 3, 4, 5].map(minutes)).toEqual([1, 5, 30, 120, 720]);
    expect(RETRY_DELAYS_MS).toHaveLength(5);
  });

  it('gives up after the fifth retry has failed', () => {
    expect(minutes(6)).toBeNull();
    expect(minutes(7)).toBeNull();
  });

  it('gives up at once when the recipient was refused for good', () => {
    expect(retryDelayMs(1, { permanent: true })).toBeNull();
  });
});

describe(describeDeliveryError.name, () => {
  it('treats a recipient refused with 5xx as permanent, and a 4xx or a session refusal as temporary', () => {
    const refused = Object.assign(new Error('Can’t send mail - all recipients were rejected: 550 5.1.1 Unknown user'), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(describeDeliveryError(refused)).toEqual({
      message: 'EENVELOPE : Can’t send mail - all recipients were rejected: 550 5.1.1 Unknown user',
      permanent: true,
    });
    expect(describeDeliveryError(Object.assign(new Error('451 Try later'), { code: 'EENVELOPE', responseCode: 451 })).permanent).toBe(false);
    expect(describeDeliveryError(Object.assign(new Error('535 Invalid login'), { code: 'EAUTH', responseCode: 535 })).permanent).toBe(false);
    expect(describeDeliveryError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' })).permanent).toBe(false);
  });

  it('keeps no link, no control character and at most 300 characters of the answer', () => {
    const described = describeDeliveryError(
      new Error(`554 rejected https://passerelle.example/reinitialiser-mot-de-passe/secret-token\r\n${'x'.repeat(400)}`),
    );
    expect(described.message).not.toContain('secret-token');
    expect(described.message).toContain('[lien]');
    expect(described.message).not.toMatch(/[\r\n]/);
    expect(described.message.length).toBe(300);
    expect(describeDeliveryError('boom').message).toBe('boom');
  });
});
