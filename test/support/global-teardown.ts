import fs from 'node:fs';
import { TEST_SERVER_KEY, type EmbeddedTestServer } from './global-setup';

/** Stop the test run's embedded PostgreSQL, if global-setup started one, and remove its folder. */
export default async function stopTestServer(): Promise<void> {
  const started = (globalThis as Record<string, unknown>)[TEST_SERVER_KEY] as EmbeddedTestServer | undefined;
  if (!started) return;
  await started.server.stop();
  fs.rmSync(started.folder, { recursive: true, force: true });
}
