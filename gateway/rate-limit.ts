import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { sendGraphQLError } from '../lib/http-refusals';
import type { ClientAddress } from './client-address';

/**
 * At most `perMinute` requests a minute per client, counted in this gateway's memory. A client
 * is its Authorization header (one token, one budget, whatever address it comes from; the
 * header is hashed, never kept) or, without one, its address. Past the budget: 429 with
 * Retry-After and a RATE_LIMITED error, before the body is even read.
 */
export function clientKey(req: IncomingMessage, addressOf: ClientAddress): string {
  const authorization = req.headers.authorization;
  if (authorization) return `token:${createHash('sha256').update(authorization).digest('base64url')}`;
  return `ip:${addressOf(req)}`;
}

/** Resolves true when the request is within its client's budget; refuses it and resolves false otherwise. */
export type RateLimit = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** The limit, or null when `perMinute` is 0 (off: the benchmark measures the graph, not the limiter). */
export function rateLimit(perMinute: number, addressOf: ClientAddress): RateLimit | null {
  if (perMinute === 0) return null;
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return (req, res) =>
    limiter.consume(clientKey(req, addressOf)).then(
      () => true,
      (refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        sendGraphQLError(
          res,
          429,
          `Too many requests: at most ${perMinute} a minute per client; try again in ${seconds} s`,
          { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
          { 'retry-after': String(seconds) },
        );
        return false;
      },
    );
}
