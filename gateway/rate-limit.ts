import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { sendGraphQLError } from '../lib/http-refusals';
import type { ClientAddress } from './client-address';

/**
 * At most `perMinute` requests a minute per client, counted in this gateway's memory. A client
 * is the caller its token verifiably names (one caller, one budget, whatever token or address
 * it uses), or, without a valid token, its address: a token that does not verify buys no budget
 * of its own, however it is spelt. Past the budget: 429 with Retry-After and a RATE_LIMITED
 * error, before the body is read.
 */
export type VerifiedCaller = (authorization: string | undefined) => Promise<string | null>;

export async function clientKey(
  req: IncomingMessage,
  addressOf: ClientAddress,
  callerOf: VerifiedCaller,
): Promise<string> {
  const caller = await callerOf(req.headers.authorization);
  return caller === null ? `ip:${addressOf(req)}` : `caller:${caller}`;
}

/** Resolves true when the request is within its client's budget; refuses it and resolves false otherwise. */
export type RateLimit = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** The limit, or null when `perMinute` is 0 (off: the benchmark measures the graph, not the limiter). */
export function rateLimit(perMinute: number, addressOf: ClientAddress, callerOf: VerifiedCaller): RateLimit | null {
  if (perMinute === 0) return null;
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (req, res) =>
    limiter.consume(await clientKey(req, addressOf, callerOf)).then(
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
