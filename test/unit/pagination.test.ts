import { DomainError } from '../../lib/errors';
import { decodeCursor, encodeCursor, pageSize } from '../../lib/pagination';

describe('page arguments', () => {
  it('defaults to 20 and accepts 1–100', () => {
    expect([pageSize(undefined), pageSize(1), pageSize(100)]).toEqual([20, 1, 100]);
  });
  it.each([0, 101, -1, 2.5])('refuses first = %p, naming the argument', (first) => {
    expect(() => pageSize(first)).toThrow(DomainError);
    try {
      pageSize(first);
    } catch (error) {
      expect((error as DomainError).field).toBe('first');
    }
  });
  it('round-trips a cursor and refuses one it did not make', () => {
    const id = '01a20814-6c0a-7548-8668-71f01a2c44f5';
    expect(decodeCursor(encodeCursor(id))).toBe(id);
    expect(() => decodeCursor('bm9wZQ')).toThrow('after is not a cursor returned by this list');
  });
});
