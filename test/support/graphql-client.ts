export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

/** POST one operation over HTTP, as any client of the hub does. */
export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** The data of an operation that must succeed; its errors fail the test with their messages. */
export async function expectData<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const result = await postGraphQL<T>(url, query, variables, headers);
  if (result.errors?.length) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  }
  return result.data as T;
}

/** The first error of an operation that must fail. */
export async function expectError(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const result = await postGraphQL(url, query, variables, headers);
  if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.errors[0];
}
