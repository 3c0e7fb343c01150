import { randomUUID } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import {
  reportCase,
  type IntakeInput,
  type IntakeLookups,
  type IntakeStore,
} from '../../subgraphs/services/case/case-intake.rules';
import { ServiceCase } from '../../subgraphs/services/case/case.entity';
import { ServiceItemVersion } from '../../subgraphs/services/item/item-version.entity';
import { ServiceItem } from '../../subgraphs/services/item/item.entity';
import { CaseChannel } from '../../subgraphs/services/shared/enums';

const ITEM = randomUUID();
const GRID = randomUUID();

const itemVersion = () =>
  Object.assign(new ServiceItemVersion(), {
    id: randomUUID(),
    item: Object.assign(new ServiceItem(), { id: ITEM }),
    version: 1,
    category: '城市管理',
    department: '城管局',
    attributes: [],
  });

const report = (changes: Partial<IntakeInput> = {}): IntakeInput => ({
  channel: CaseChannel.APP_PHOTO,
  itemId: ITEM,
  gridId: GRID,
  description: '井盖缺失',
  attributes: [],
  ...changes,
});

/** A store and a grid subgraph answering from memory, each call recorded, each answer held until `release`. */
function department(answers: {
  version?: ServiceItemVersion | null;
  earlier?: ServiceCase | null;
  grid?: () => Promise<Awaited<ReturnType<IntakeLookups['gridAndReporter']>>>;
}) {
  const calls: string[] = [];
  /** The look-ups asked before any of them answered. */
  const askedTogether: string[] = [];
  let answer!: () => void;
  const released = new Promise<void>((resolve) => (answer = resolve));
  const release = () => {
    askedTogether.push(...calls);
    answer();
  };
  const held = async <T>(name: string, answer: () => T | Promise<T>): Promise<T> => {
    calls.push(name);
    await released;
    return answer();
  };
  const inserted: ServiceCase[] = [];
  const store: IntakeStore = {
    caseByKey: () => held('caseByKey', () => answers.earlier ?? null),
    currentVersion: () =>
      held('currentVersion', () => (answers.version === undefined ? itemVersion() : answers.version)),
    insert: async (serviceCase) => {
      inserted.push(serviceCase);
      return serviceCase;
    },
  };
  const lookups: IntakeLookups = {
    gridAndReporter: () =>
      held(
        'gridAndReporter',
        answers.grid ??
          (async () => ({ place: { status: 'ACTIVE', communityId: 'c', streetId: 's' }, reporterKnown: true })),
      ),
  };
  return { store, lookups, askedTogether, release, inserted };
}

/** Starts an intake and, once every look-up has been asked without any answered, lets them answer. */
async function intake(input: IntakeInput, parts: ReturnType<typeof department>): Promise<ServiceCase> {
  const result = reportCase(parts.store, input, 'test', parts.lookups);
  result.catch(() => undefined);
  await new Promise((resolve) => setImmediate(resolve));
  parts.release();
  return result;
}

describe('case intake', () => {
  it('asks for the earlier case, the item and the grid together, before any of them has answered, then writes the case', async () => {
    const parts = department({});
    const reported = await intake(report({ idempotencyKey: 'retry-key-1' }), parts);
    expect(parts.askedTogether.sort()).toEqual(['caseByKey', 'currentVersion', 'gridAndReporter']);
    expect(parts.inserted).toEqual([reported]);
    expect(reported).toMatchObject({
      gridId: GRID,
      communityId: 'c',
      streetId: 's',
      category: '城市管理',
      idempotencyKey: 'retry-key-1',
    });
  });

  it('gives a retry its earlier case even when the grid subgraph does not answer', async () => {
    // The case this very report made under the key, so its fingerprint matches.
    const earlier = await intake(report({ idempotencyKey: 'retry-key-2' }), department({}));
    const parts = department({ earlier, grid: async () => Promise.reject(new Error('grid unavailable')) });
    await expect(intake(report({ idempotencyKey: 'retry-key-2' }), parts)).resolves.toBe(earlier);
    expect(parts.inserted).toEqual([]);
  });

  it('refuses an unknown item before judging the grid, even when the grid is unknown or its subgraph down', async () => {
    for (const grid of [
      async () => ({ place: null, reporterKnown: false }),
      async () => Promise.reject(new Error('grid unavailable')),
    ]) {
      const parts = department({ version: null, grid });
      const refusal = await intake(report(), parts).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ code: 'NOT_FOUND', field: 'input.itemId' });
      expect(parts.inserted).toEqual([]);
    }
  });

  it("fails with the grid subgraph's failure, writing nothing, when the item is known", async () => {
    const parts = department({ grid: async () => Promise.reject(new Error('grid unavailable')) });
    await expect(intake(report(), parts)).rejects.toThrow('grid unavailable');
    expect(parts.inserted).toEqual([]);
  });
});
