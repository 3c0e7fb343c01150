/**
 * Run shutdown steps one after another, every one of them even when an earlier one fails (a
 * gateway that fails to stop must not leave four database pools open), then throw the first
 * failure, if any.
 */
export async function stopInTurn(steps: Array<() => Promise<unknown> | unknown>): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length) throw failures[0];
}

/**
 * Start something in steps; when a step fails, `undo` stops what the earlier ones opened (a pool,
 * a server) and the start fails with the step's own error, not the undoing's.
 */
export async function undoOnFailure<T>(work: () => Promise<T>, undo: () => Promise<unknown>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await undo().catch(() => undefined);
    throw error;
  }
}
