import { serviceToken } from './auth/internal-token';
import { subgraphTimeoutMs, subgraphUrlFromEnv } from './config';
import { DomainError, notFound } from './errors';
import { subgraphEntry } from './subgraph-registry';
import { postJson } from './subgraph-http';

/**
 * A department checks the keys it stores against the department that owns them, through that
 * subgraph's federation `_entities` field (the same call the gateway makes), so a reference to
 * a grid, resident or member that does not exist is refused instead of stored.
 */
const urlOverrides = new Map<string, string>();

/** The hub sets these when it starts subgraphs on ports chosen at run time. */
export function setSubgraphUrls(urls: Record<string, string>): void {
  for (const [name, url] of Object.entries(urls)) urlOverrides.set(name, url);
}

export function subgraphUrl(name: string): string {
  return (
    urlOverrides.get(name) ?? subgraphUrlFromEnv(name) ?? `http://127.0.0.1:${subgraphEntry(name).defaultPort}/graphql`
  );
}

/** An entity of another subgraph named by its type and id, as `_entities` takes it. */
export interface RemoteKey {
  typename: string;
  id: string;
}

/**
 * Fetch entities of another subgraph by id, with the fields in `selection`; null where the
 * owner does not know the id. One HTTP call for all ids.
 */
export function fetchRemoteEntities<T extends object>(
  owner: string,
  typename: string,
  ids: readonly string[],
  selection = 'id',
  headers: Record<string, string> = {},
): Promise<Array<T | null>> {
  return fetchRemoteKeys<T>(
    owner,
    ids.map((id) => ({ typename, id })),
    { [typename]: selection },
    headers,
  );
}

/**
 * Entities of several types from one owner in one HTTP call (`_entities` takes representations
 * of any of its types), with the fields of each type in `selections`; null where the owner does
 * not know the id. A case's grid and its reporter are checked together this way.
 */
export async function fetchRemoteKeys<T extends object>(
  owner: string,
  keys: readonly RemoteKey[],
  selections: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Array<T | null>> {
  if (!keys.length) return [];
  const typenames = Object.keys(selections).join(' and ');
  const fragments = Object.entries(selections)
    .map(([typename, selection]) => `... on ${typename} { ${selection} }`)
    .join(' ');
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ${fragments} } }`;
  let body: { data?: { _entities: Array<T | null> }; errors?: Array<{ message: string }> };
  try {
    body = (await postJson(
      subgraphUrl(owner),
      { query, variables: { r: keys.map(({ typename, id }) => ({ __typename: typename, id })) } },
      // A SERVICE token: checking that an id exists is the department's own business, not the caller's scope.
      { authorization: `Bearer ${await serviceToken('reference-check')}`, ...headers },
      subgraphTimeoutMs(),
    )) as typeof body;
  } catch {
    throw new DomainError('CONFLICT', `the ${owner} service could not be reached to check ${typenames} ids; try again`);
  }
  if (!body.data) {
    throw new DomainError(
      'CONFLICT',
      `the ${owner} service refused the ${typenames} check: ${body.errors?.[0]?.message ?? 'no data'}`,
    );
  }
  return body.data._entities.map((entity) => (entity && Object.keys(entity).length ? entity : null));
}

/** Refuse with NOT_FOUND (naming `field`) when any id is unknown to the owning subgraph. */
export async function requireRemoteEntities(
  owner: string,
  typename: string,
  ids: readonly string[],
  field: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const entities = await fetchRemoteEntities(owner, typename, ids, 'id', headers);
  const index = entities.findIndex((entity) => entity === null);
  const missing = ids[index];
  if (missing !== undefined) throw notFound(ids.length > 1 ? `${field}[${index}]` : field, typename, missing);
}
