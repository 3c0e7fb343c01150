import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * The operations a client app ships with, in Apollo's persisted-query manifest format (what
 * `@apollo/generate-persisted-query-manifest` writes and GraphOS safelists read): each
 * operation's id is the SHA-256 of its exact body, as APQ hashes it.
 */
export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';

export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface QueryManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: ManifestOperation[];
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A manifest file, checked: the format, and every id the hash of its body (a wrong one never matches a client). */
export function readManifest(path: string): QueryManifest {
  let manifest: QueryManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`The persisted-query manifest ${path} could not be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (manifest?.format !== MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${path} is not a persisted-query manifest (format "${MANIFEST_FORMAT}", version 1, operations)`);
  }
  for (const operation of manifest.operations) {
    if (typeof operation?.body !== 'string' || operation.id !== sha256Hex(operation.body)) {
      throw new Error(`${path}: the id of operation ${operation?.name ?? '(unnamed)'} is not the SHA-256 of its body`);
    }
  }
  return manifest;
}
