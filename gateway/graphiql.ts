import type { ApolloServerPlugin } from '@apollo/server';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/**
 * GraphiQL for development, bundled from npm (editor, workers and styles inline: the page loads
 * nothing from a CDN, so it works offline and behind a strict network). It replaces Apollo's
 * landing page at GET /graphql for a browser and is also at /graphiql. It posts JSON, which
 * passes CSRF prevention. Production serves neither.
 */
const DEFAULT_QUERY = `# The public grid card needs no token. For anything else, issue a development token
#   npm run token -- --role CITY_ADMIN
# and add it under Headers: { "Authorization": "Bearer <token>" }
{
  gridCard(code: "370783001001001") {
    gridName communityName
    workers { name roleLabel duties { label } publicContact }
  }
}
`;

let page: string | undefined;

/** The page is about 9 MB of inlined code: rendered once, on first use. */
export function graphiqlPage(): string {
  page ??= renderGraphiQL({ title: '网格治理一张网 · GraphiQL', endpoint: '/graphql', defaultQuery: DEFAULT_QUERY });
  return page;
}

export function graphiqlLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: async () => graphiqlPage() };
        },
      };
    },
  };
}
