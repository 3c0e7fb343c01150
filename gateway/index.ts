import { createLogger } from '../lib/logger';
import { stopOnSignals } from '../lib/shutdown';
import { startGateway } from './server';

/** The gateway alone: subgraph URLs from the supergraph file or GRID_URL, PARTY_BUILDING_URL, ... */
if (require.main === module) {
  const log = createLogger('gateway');
  startGateway().then(
    (gateway) => stopOnSignals(() => gateway.stop()),
    (error) => {
      log.error({ err: error }, 'failed to start');
      process.exit(1);
    },
  );
}
