import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import { PURPOSE_HEADER } from '../lib/viewer';

/**
 * Cross-origin calls from browser pages of the origins in CORS_ORIGINS (the expressjs `cors`
 * package on node:http). Those origins get Access-Control-Allow-Origin on their answers and their
 * preflight (OPTIONS) answered; any other origin gets no CORS header, so its browser keeps the
 * answer from the page. No cookies are involved (tokens travel in Authorization), so no
 * credentials are allowed. A preflight is answered here, before the rate limit and Apollo.
 */
export type CrossOrigin = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Headers a page may send: the token, the purpose of a full read, and Apollo's CSRF headers. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  PURPOSE_HEADER,
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

/** Returns true when it answered the request itself (a preflight); false to go on, with its headers set. */
export function crossOrigin(origins: readonly string[]): CrossOrigin {
  const handle = cors({
    origin: origins.length > 0 ? [...origins] : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    // A page reads how long to wait after a 429.
    exposedHeaders: ['retry-after'],
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return (req, res) => {
    if (req.method === 'OPTIONS') res.setHeader('allow', 'GET, POST, OPTIONS');
    let answered = true;
    // With a fixed list of origins the package decides at once (no callback waits).
    handle(req as any, res as any, () => {
      answered = false;
    });
    if (!answered && req.method === 'OPTIONS') {
      // CORS off, or no origin: the methods are still told, with nothing a browser would accept.
      res.writeHead(204, { 'content-length': '0' });
      res.end();
      return true;
    }
    return answered;
  };
}
