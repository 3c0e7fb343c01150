import { stopInTurn, undoOnFailure } from '../../lib/shutdown';

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

describe('undoOnFailure', () => {
  it('gives the result and undoes nothing when the work succeeds', async () => {
    const undone: string[] = [];
    await expect(
      undoOnFailure(
        async () => 'started',
        async () => undone.push('pool closed'),
      ),
    ).resolves.toBe('started');
    expect(undone).toEqual([]);
  });

  it("undoes and fails with the work's error, even when the undoing fails too", async () => {
    const undone: string[] = [];
    const starting = undoOnFailure(
      async () => {
        throw new Error('migration failed');
      },
      async () => {
        undone.push('pool closed');
        throw new Error('pool already gone');
      },
    );
    await expect(starting).rejects.toThrow('migration failed');
    expect(undone).toEqual(['pool closed']);
  });
});
