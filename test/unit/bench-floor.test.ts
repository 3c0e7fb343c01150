import { floorOf, planSteps, type Recording } from '../../bench/floor';
import type { SubgraphFetch } from '../../gateway/subgraph-fetcher';

const fetchOf = (service: string, body: string, startedAt: number, endedAt: number): SubgraphFetch => ({
  service,
  url: `http://127.0.0.1/${service}`,
  body,
  headers: { authorization: 'Bearer recorded', 'content-type': 'application/json' },
  startedAt,
  endedAt,
});

const recordingOf = (
  fetches: SubgraphFetch[],
  gatewayBody = '{"variables":{}}',
  authorization = () => 'Bearer renewed',
): Recording => ({ fetches, gatewayBody, authorization });

describe('the benchmark floor', () => {
  it('puts fetches that overlapped in one step, in service order, and a fetch that started after in the next', () => {
    const steps = planSteps([
      fetchOf('services', 's', 0.2, 5),
      fetchOf('grid', 'g', 0, 4),
      fetchOf('party-building', 'p', 6, 9),
      fetchOf('co-building', 'c', 6.1, 8),
    ]);
    expect(steps.map((step) => step.map((f) => f.service))).toEqual([
      ['grid', 'services'],
      ['co-building', 'party-building'],
    ]);
  });

  it('cycles through the variable sets, each fetch with its own set and that set’s current token', () => {
    const tokens = ['Bearer one', 'Bearer two'];
    const floor = floorOf([
      recordingOf(
        [fetchOf('grid', 'grid of one', 0, 1), fetchOf('party-building', 'party of one', 2, 3)],
        undefined,
        () => tokens[0],
      ),
      recordingOf(
        [fetchOf('grid', 'grid of two', 0, 1), fetchOf('party-building', 'party of two', 2, 3)],
        undefined,
        () => tokens[1],
      ),
    ]);
    expect(floor).toMatchObject({ variableSets: 2, fetches: 2 });
    const [[grid], [party]] = floor.operation;
    expect([grid.next(), grid.next(), grid.next()].map((r) => r.body)).toEqual([
      'grid of one',
      'grid of two',
      'grid of one',
    ]);
    tokens[1] = 'Bearer two renewed';
    expect(party.next()).toEqual({
      body: 'party of one',
      headers: { authorization: 'Bearer one', 'content-type': 'application/json' },
    });
    expect(party.next().headers.authorization).toBe('Bearer two renewed');
  });

  it('leaves out a variable set whose plan ran other steps than the first set’s', () => {
    const floor = floorOf([
      recordingOf([fetchOf('grid', 'a', 0, 1), fetchOf('party-building', 'a', 2, 3)]),
      recordingOf([fetchOf('grid', 'b', 0, 1)]),
      recordingOf([fetchOf('grid', 'c', 0, 1), fetchOf('party-building', 'c', 2, 3)]),
    ]);
    expect(floor.variableSets).toBe(2);
    const [[grid]] = floor.operation;
    expect([grid.next(), grid.next()].map((r) => r.body)).toEqual(['a', 'c']);
  });

  it('gives every replay new values where the operation needs them (an intake’s idempotency key)', () => {
    let key = 0;
    const fresh = () => ({ idempotencyKey: `key-${++key}` });
    const gatewayBody = JSON.stringify({ variables: { input: { gridId: 'g1', idempotencyKey: 'recorded-key' } } });
    const floor = floorOf(
      [recordingOf([fetchOf('services', '{"key":"recorded-key","grid":"g1"}', 0, 1)], gatewayBody)],
      fresh,
    );
    const [[services]] = floor.operation;
    const bodies = [services.next().body, services.next().body];
    for (const body of bodies) expect(body).toMatch(/^\{"key":"key-\d+","grid":"g1"\}$/);
    expect(bodies[0]).not.toBe(bodies[1]);
  });
});
