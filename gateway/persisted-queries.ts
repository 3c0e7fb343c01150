import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayConfig } from '../lib/config';
import { sendGraphQLError } from '../lib/http-refusals';
import { readManifest, sha256Hex } from './query-manifest';

/**
 * Persisted queries. `apq` (default, for the web app): Apollo's automatic persisted queries, a
 * client sends the hash, and the full text once when the gateway does not know it yet.
 * `allowlist` (the mobile app's endpoint): only the operations of a published manifest run,
 * sent by hash or with their exact text; anything else is refused before it is parsed.
 * `off`: full text only.
 */
export interface PersistedQuerySetup {
  /** For ApolloServer's `persistedQueries` option (undefined: Apollo's default APQ cache). */
  apollo: false | { cache: ManifestCache; ttl: null } | undefined;
  /** The allow-list check of a parsed request, before Apollo; null outside allow-list mode. */
  allowList: AllowListCheck | null;
}

/** False when the request was refused (and answered); `search` is the query string with its `?`, or empty. */
export type AllowListCheck = (req: IncomingMessage, res: ServerResponse, search: string) => boolean;

/** APQ's cache answered from the manifest: a hash-only request for a listed operation needs no registration. */
interface ManifestCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

function manifestCache(bodies: Map<string, string>): ManifestCache {
  // Apollo prefixes its keys ("apq:<hash>"); the manifest is keyed by the hash alone.
  const hashOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);
  return {
    get: async (key) => bodies.get(hashOf(key)),
    set: async () => undefined, // nothing is registered: the list is the manifest
    delete: async () => false,
  };
}

/** What a request asks to run: the hash of its text, or the hash it sends instead of the text. */
function requestedHash(request: unknown): string | undefined {
  if (!request || typeof request !== 'object' || Array.isArray(request)) return undefined;
  const { query, extensions } = request as { query?: unknown; extensions?: unknown };
  if (typeof query === 'string') return sha256Hex(query);
  let parsed = extensions;
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed); // GET: extensions arrive as JSON in the query string
    } catch {
      return undefined;
    }
  }
  const hash = (parsed as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

function allowListCheck(allowed: Set<string>): AllowListCheck {
  return (req, res, search) => {
    // A GET's operation is in its query string, as Apollo reads it; a POST's in its parsed JSON body.
    const request =
      req.method === 'GET' ? Object.fromEntries(new URLSearchParams(search)) : (req as { body?: unknown }).body;
    const hash = requestedHash(request);
    // Nothing to run (a browser's landing-page request, a malformed body): Apollo answers it.
    if (hash === undefined || allowed.has(hash)) return true;
    sendGraphQLError(
      res,
      400,
      'This endpoint runs only the operations of the published manifest, and this one is not among them',
      {
        code: 'PERSISTED_QUERY_NOT_ALLOWED',
      },
    );
    return false;
  };
}

export function persistedQuerySetup(
  config: Pick<GatewayConfig, 'persistedQueries' | 'persistedQueryManifest'>,
): PersistedQuerySetup {
  if (config.persistedQueries === 'off') return { apollo: false, allowList: null };
  if (config.persistedQueries === 'apq') return { apollo: undefined, allowList: null };
  const manifest = readManifest(config.persistedQueryManifest!);
  const bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
  return { apollo: { cache: manifestCache(bodies), ttl: null }, allowList: allowListCheck(new Set(bodies.keys())) };
}
