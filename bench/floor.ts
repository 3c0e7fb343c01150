import type { SubgraphFetch } from '../gateway/subgraph-fetcher';
import { itemAt } from '../lib/lists';
import type { Operation, Request } from './load';

/** What our gateway sent the subgraphs for one variable set, and the request that made it do so. */
export interface Recording {
  /** The body our gateway got, where an operation's fresh values (an intake's idempotency key) are found. */
  gatewayBody: string;
  fetches: SubgraphFetch[];
  /** The Authorization the subgraphs get for this caller now: territorial tokens are renewed while an operation runs. */
  authorization: () => string;
}

/** The floor of an operation and how many of its variable sets it cycles through. */
interface Floor {
  operation: Operation;
  variableSets: number;
  fetches: number;
}

/** Fetches that overlapped in time ran in parallel in the query plan; later ones waited. In a step, by service. */
export function planSteps(fetches: SubgraphFetch[]): SubgraphFetch[][] {
  const sorted = [...fetches].sort((a, b) => a.startedAt - b.startedAt);
  const steps: SubgraphFetch[][] = [];
  for (const fetch of sorted) {
    const last = steps[steps.length - 1];
    if (last && fetch.startedAt < Math.min(...last.map((f) => f.endedAt))) last.push(fetch);
    else steps.push([fetch]);
  }
  return steps.map((step) => step.sort((a, b) => a.service.localeCompare(b.service)));
}

const shapeOf = (steps: SubgraphFetch[][]) => steps.map((step) => step.map((f) => f.service).join(',')).join(' then ');

/**
 * The floor replays the recorded fetches of every variable set whose plan ran the same steps as
 * the first's, cycling through them as the requests through the gateway cycle through the sets:
 * replaying one set would put every floor request on one community's rows (warm in every cache),
 * and every replayed intake into one grid's monthly figures row, where the writes queue for its
 * lock. Each replay carries its set's renewed token, and new values where the operation needs them.
 */
export function floorOf(recordings: Recording[], fresh?: () => Record<string, unknown>): Floor {
  const planned = recordings.map((recording) => ({ recording, steps: planSteps(recording.fetches) }));
  const [firstPlan] = planned;
  if (!firstPlan) throw new Error('a floor is measured from at least one recording');
  const shape = shapeOf(firstPlan.steps);
  const kept = planned.filter((p) => shapeOf(p.steps) === shape);
  const sample = fresh?.();
  const freshValues = kept.map(({ recording }) =>
    sample ? freshValuesIn(recording.gatewayBody, sample) : new Map<string, string>(),
  );
  const operation = firstPlan.steps.map((step, s) =>
    step.map((first, f): Request => {
      let turn = 0;
      return {
        url: first.url,
        next: () => {
          const index = turn++ % kept.length;
          const { recording, steps } = itemAt(kept, index);
          const fetched = itemAt(itemAt(steps, s), f); // every kept recording has the first's shape
          const now = fresh?.() ?? {};
          let body = fetched.body;
          for (const [key, used] of itemAt(freshValues, index)) body = body.split(used).join(String(now[key]));
          return { body, headers: { ...fetched.headers, authorization: recording.authorization() } };
        },
      };
    }),
  );
  return { operation, variableSets: kept.length, fetches: firstPlan.recording.fetches.length };
}

/** The values a fresh() call put into a recorded body, by key (found by key name in its variables). */
function freshValuesIn(body: string, sample: Record<string, unknown>): Map<string, string> {
  const variables = JSON.parse(body).variables as Record<string, any>;
  const source = variables.input ?? variables;
  return new Map(Object.keys(sample).map((key) => [key, String(source[key])]));
}
