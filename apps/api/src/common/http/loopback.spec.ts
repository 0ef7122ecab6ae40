import { isLocalDirectClient, isLoopbackAddress, isLoopbackHost } from './loopback';

describe(isLoopbackAddress.name, () => {
  it.each(['127.0.0.1', '127.8.0.3', '::1', '::ffff:127.0.0.1'])('%s is loopback', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(['203.0.113.9', '10.0.0.1', '::ffff:10.0.0.1', '::', '0.0.0.0', '', undefined, '1127.0.0.1'])('%p is not', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe(isLoopbackHost.name, () => {
  it('knows the listening addresses that stay on this machine', () => {
    expect(['127.0.0.1', 'localhost', '::1', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.10'].map(isLoopbackHost)).toEqual([false, false, false]);
  });
});

describe(isLocalDirectClient.name, () => {
  it('is a loopback peer that no proxy forwarded', () => {
    expect(isLocalDirectClient('127.0.0.1', { host: 'localhost' })).toBe(true);
    expect(isLocalDirectClient('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).toBe(false);
    expect(isLocalDirectClient('::1', { forwarded: 'for=203.0.113.9' })).toBe(false);
    expect(isLocalDirectClient('203.0.113.9', {})).toBe(false);
  });
});
