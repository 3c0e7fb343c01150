import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { RunningGateway } from '../gateway/server';
import { createLogger } from '../lib/logger';
import { stopInTurn, undoOnFailure } from '../lib/shutdown';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import type { RunningSubgraph, StartOptions } from '../lib/subgraph-server';
import { runHubProcesses } from './hub-processes';

export interface Hub {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  stop(): Promise<void>;
}

/**
 * The whole hub in one process: the four subgraphs on their ports, then the gateway pointed at
 * them. Tests use it (they read each subgraph's SQL statement counter directly); `npm start`
 * runs the five services as separate processes (hub-processes.ts).
 */
export async function startHub(
  options: { gatewayPort?: number; subgraphPorts?: Record<string, number>; production?: boolean } & Omit<
    StartOptions,
    'port'
  > = {},
): Promise<Hub> {
  // Loaded here, not at the top: `npm start`'s supervisor runs this file too, and needs none of it.
  const { startGateway } = await import('../gateway/server');
  const { setSubgraphUrls } = await import('../lib/remote-entities');
  const { startSubgraph } = await import('../lib/subgraph-server');
  const { definitionOf } = await import('./subgraph-definitions');
  const subgraphs: Record<string, RunningSubgraph> = {};
  const stopSubgraphs = () =>
    Object.values(subgraphs)
      .reverse()
      .map((running) => () => running.stop());
  // A hub that cannot start stops the subgraphs it started, last started first.
  return undoOnFailure(
    async () => {
      for (const entry of SUBGRAPHS) {
        subgraphs[entry.name] = await startSubgraph(definitionOf(entry.name), {
          ...options,
          port: options.subgraphPorts?.[entry.name],
        });
      }
      const urls = Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url]));
      // Subgraphs check references against each other where they actually listen.
      setSubgraphUrls(urls);
      const gateway = await startGateway({
        port: options.gatewayPort,
        production: options.production,
        subgraphUrls: urls,
      });
      return { gateway, subgraphs, stop: () => stopInTurn([() => gateway.stop(), ...stopSubgraphs()]) };
    },
    () => stopInTurn(stopSubgraphs()),
  );
}

const usage = `usage: npm start [-- --help]

Starts the gateway (PORT, default 4000) and the four subgraphs (GRID_PORT, PARTY_BUILDING_PORT,
SERVICES_PORT, CO_BUILDING_PORT, default 4001-4004) as five processes; Ctrl-C stops them.
With no DATABASE_URL (or <SUBGRAPH>_DATABASE_URL), an embedded PostgreSQL server keeps one
database per subgraph in <DATA_DIR>/postgres (default .data/postgres), started before the
services and stopped after them; a new database gets the demo district (DEMO_DATA=off: empty).
Every variable is listed in docs/configuration.md; docs/embedded-database.md says what
the embedded default costs.`;

function main(): void {
  let help: boolean | undefined;
  try {
    ({
      values: { help },
    } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (help) {
    console.log(usage);
    return;
  }
  void runHubProcesses(createLogger('hub'));
}

if (require.main === module) main();
