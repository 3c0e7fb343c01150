import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** The two commands a newcomer types answer `--help` with their usage, and a wrong option with it too (no stack trace). */
const run = promisify(execFile);
const commands = {
  'npm start': path.resolve(__dirname, '../scripts/start-hub.js'),
  'npm run token': path.resolve(__dirname, '../scripts/issue-token.js'),
};

describe.each(Object.entries(commands))('%s', (command, script) => {
  it('prints its usage for --help and exits 0', async () => {
    const { stdout, stderr } = await run(process.execPath, [script, '--help']);
    expect(stdout).toContain(`usage: ${command}`);
    expect(stderr).toBe('');
  });

  it('refuses an unknown option with the usage and exit code 2', async () => {
    const refused = run(process.execPath, [script, '--no-such-option']);
    await expect(refused).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`Unknown option '--no-such-option'`),
    });
    const { stderr } = await refused.catch((error: { stderr: string }) => error);
    expect(stderr).toContain(`usage: ${command}`);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
