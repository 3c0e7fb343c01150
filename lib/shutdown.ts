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

/**
 * Stop once on SIGINT or SIGTERM, however many arrive: Ctrl-C in a terminal signals the whole
 * process group, so a service started by `npm start` hears it from the terminal and from the hub.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
