import { MAX_RESTART_DELAY_MS, restartDelayMs } from '../../scripts/restart-backoff';

it('waits half a second after a first failure, doubles with each failure in a row, and stops growing at 30 s', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 8].map(restartDelayMs)).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  expect(restartDelayMs(1000)).toBe(MAX_RESTART_DELAY_MS);
});
