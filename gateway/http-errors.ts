import type { Response } from 'express';

/**
 * A refusal the gateway answers before GraphQL runs (rate limit, body size, allow-list), in the
 * same shape as every other error of the graph: `{ errors: [{ message, extensions: { code } }] }`.
 */
export function sendGraphQLError(
  res: Response,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  res.status(status).set(headers).type('application/json').send(JSON.stringify({ errors: [{ message, extensions }] }));
}
