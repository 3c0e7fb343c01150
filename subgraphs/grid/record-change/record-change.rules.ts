/**
 * The log of changes to person, house and household records (人、房、户): who and when, and
 * the names of the fields changed. Values are never written here: they can be personal data.
 */
export type Snapshot = Record<string, unknown>;

function comparable(value: unknown): string {
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id);
  if (Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value ?? null);
}

/** Names of the fields whose value differs between two snapshots of one record. */
export function changedFields(before: Snapshot, after: Snapshot): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.filter((name) => comparable(before[name]) !== comparable(after[name]));
}
