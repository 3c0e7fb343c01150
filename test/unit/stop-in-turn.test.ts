import { stopInTurn } from '../../lib/stop-in-turn';

describe('stopInTurn', () => {
  it('runs every step in order and resolves when all succeed', async () => {
    const ran: string[] = [];
    await stopInTurn([() => ran.push('gateway'), async () => ran.push('services'), () => ran.push('grid')]);
    expect(ran).toEqual(['gateway', 'services', 'grid']);
  });

  it('runs the steps after a failed one, then throws the first failure', async () => {
    const ran: string[] = [];
    const stopping = stopInTurn([
      () => ran.push('gateway'),
      async () => {
        throw new Error('services would not stop');
      },
      () => {
        throw new Error('grid would not stop');
      },
      () => ran.push('database dropped'),
    ]);
    await expect(stopping).rejects.toThrow('services would not stop');
    expect(ran).toEqual(['gateway', 'database dropped']);
  });
});
