/**
 * Tables kept as evidence (personal data access records, a case's timeline) are append-only: a
 * row trigger refuses UPDATE and DELETE. TRUNCATE empties a table without touching a row, so no
 * row trigger sees it; a statement trigger refuses it too, with the same function.
 */
export function truncateRefusalSql(schema: string, table: string, refusingFunction: string): string[] {
  return [
    `create trigger "${table}_no_truncate" before truncate on "${schema}"."${table}"
      for each statement execute function "${schema}"."${refusingFunction}"();`,
  ];
}
