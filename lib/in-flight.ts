/**
 * Calls with the same key made while the first is still unanswered wait for that one instead of
 * starting their own. Nothing is kept after the answer: this is not a cache, a call made a moment
 * later starts afresh.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  share(key: string, start: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key);
    if (running) return running;
    const started = start();
    this.pending.set(key, started);
    const forget = () => this.pending.delete(key);
    started.then(forget, forget);
    return started;
  }

  /** Calls now unanswered (for tests and diagnostics). */
  get size(): number {
    return this.pending.size;
  }
}
