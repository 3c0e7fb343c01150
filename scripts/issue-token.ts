import { parseArgs } from 'node:util';
import { issueDevToken } from '../lib/auth/dev-token';
import { CLIENT_ROLES, isClientRole, SCOPE_CLAIM, type ScopeClaims } from '../lib/auth/roles';

/**
 * `npm run token -- --role GRID_WORKER --workerId <id>`: print a development client token for
 * any role, to send as `Authorization: Bearer <token>`. The demo district's ids are in lib/demo-district.ts.
 */
const usage = [
  `usage: npm run token -- --role <${CLIENT_ROLES.join('|')}> [--${Object.values(SCOPE_CLAIM).join(' | --')} <value>] [--sub <name>] [--hours <n>]`,
  '',
  'Prints a development client token (8 hours unless --hours), for `Authorization: Bearer <token>`.',
  `Scoped roles need their claim: ${Object.entries(SCOPE_CLAIM)
    .map(([role, claim]) => `${role} --${claim}`)
    .join(', ')}.`,
].join('\n');

function parse() {
  try {
    return parseArgs({
      options: {
        role: { type: 'string' },
        sub: { type: 'string' },
        hours: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(Object.values(SCOPE_CLAIM).map((claim) => [claim, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

function main(): Promise<void> | void {
  const { values } = parse();
  if (values.help) {
    console.log(usage);
    return;
  }
  if (!isClientRole(values.role)) {
    console.error(usage);
    process.exit(2);
  }
  const claims: ScopeClaims = {};
  for (const claim of Object.values(SCOPE_CLAIM)) {
    const value = (values as Record<string, string | undefined>)[claim];
    if (value) claims[claim] = value;
  }
  const hours = values.hours ? Number(values.hours) : 8;
  if (!(hours > 0)) {
    console.error(`--hours must be a positive number\n${usage}`);
    process.exit(2);
  }
  return issueDevToken({
    role: values.role,
    claims,
    subject: values.sub,
    expiresInSeconds: Math.round(hours * 3600),
  }).then(
    (token) => console.log(token),
    (error: Error) => {
      console.error(`${error.message}\n${usage}`);
      process.exit(2);
    },
  );
}

main();
