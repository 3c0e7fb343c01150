import 'reflect-metadata';
import { startGateway, type RunningGateway } from '../gateway/server';
import { createLogger } from '../lib/logger';
import { setSubgraphUrls } from '../lib/remote-entities';
import { stopInTurn, undoOnFailure } from '../lib/shutdown';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { startSubgraph, type RunningSubgraph, type StartOptions } from '../lib/subgraph-server';
import { runHubProcesses } from './hub-processes';
import { definitionOf } from './subgraph-definitions';

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
  options: { gatewayPort?: number; subgraphPorts?: Record<string, number>; production?: boolean } & Omit<StartOptions, 'port'> = {},
): Promise<Hub> {
  const subgraphs: Record<string, RunningSubgraph> = {};
  const stopSubgraphs = () => Object.values(subgraphs).reverse().map((running) => () => running.stop());
  // A hub that cannot start stops the subgraphs it started, last started first.
  return undoOnFailure(async () => {
    for (const entry of SUBGRAPHS) {
      subgraphs[entry.name] = await startSubgraph(definitionOf(entry.name), { ...options, port: options.subgraphPorts?.[entry.name] });
    }
    const urls = Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url]));
    // Subgraphs check references against each other where they actually listen.
    setSubgraphUrls(urls);
    const gateway = await startGateway({ port: options.gatewayPort, production: options.production, subgraphUrls: urls });
    return { gateway, subgraphs, stop: () => stopInTurn([() => gateway.stop(), ...stopSubgraphs()]) };
  }, () => stopInTurn(stopSubgraphs()));
}

if (require.main === module) {
  runHubProcesses(createLogger('hub'));
}
