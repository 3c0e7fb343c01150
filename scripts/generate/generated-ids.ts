/**
 * Deterministic UUIDv7-shaped ids for generated data: the timestamp part counts up from a fixed
 * instant, so the same seed gives the same ids and id order is generation order (as with
 * live UUIDv7 ids, which the hub's keyset pagination relies on).
 */
const BASE_MS = Date.UTC(2025, 0, 1);

export class IdSequence {
  private n = 0;

  constructor(private readonly table: number) {}

  next(): string {
    this.n += 1;
    const ms = (BASE_MS + this.n).toString(16).padStart(12, '0');
    const tail = (this.table * 1_000_000_000 + this.n).toString(16).padStart(12, '0');
    return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${tail.slice(0, 3)}-8${tail.slice(3, 6)}-${tail.slice(0, 12)}`;
  }
}
