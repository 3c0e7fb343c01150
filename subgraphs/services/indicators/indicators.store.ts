import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isId } from '../../../lib/ids';
import { groupBy } from '../../../lib/loaders';
import type { CaseScope } from '../access';
import {
  countIndicators,
  countTerritorialGroupings,
  emptyCounts,
  IndicatorGrouping,
  TERRITORIAL,
  type IndicatorCounts,
  type IndicatorNarrowing,
} from './case-indicators.store';
import { periodKey, type Period } from './indicator-period.rules';

/** Indicators of many grids or communities for one period in one grouped statement, over the viewer's cases. */
function indicatorsOf(em: EntityManager, grouping: IndicatorGrouping, now: Date, scope: CaseScope) {
  const loader = new DataLoader<{ key: string; period: Period }, IndicatorCounts, string>(
    async (keys) => {
      const result = new Map<string, IndicatorCounts>();
      for (const group of groupBy(keys, (key) => periodKey(key.period)).values()) {
        const ids = [...new Set(group.map((key) => key.key))].filter(isId);
        const [first] = group;
        if (!first) continue;
        const rows = ids.length
          ? await countIndicators(em, { grouping, period: first.period, now, keys: ids, scope })
          : [];
        for (const row of rows) result.set(`${row.key}|${periodKey(first.period)}`, row);
      }
      return keys.map((key) => result.get(`${key.key}|${periodKey(key.period)}`) ?? emptyCounts(key.key));
    },
    { cacheKeyFn: (key) => `${key.key}|${periodKey(key.period)}` },
  );
  return (key: string, period: Period) => loader.load({ key, period });
}

/** Root figures asked for: a grouping of the cases a scope, narrowing and period select. */
export interface RootIndicatorsKey {
  grouping: IndicatorGrouping;
  period: Period;
  scope: CaseScope;
  narrow: IndicatorNarrowing;
}

/** The cases a root figures request counts: keys alike here count the same cases. */
function casesCounted(key: RootIndicatorsKey): string {
  const { streetId, communityId, gridId, department } = key.narrow;
  return `${periodKey(key.period)}|${streetId ?? ''}|${communityId ?? ''}|${gridId ?? ''}|${department ?? ''}|${JSON.stringify(key.scope)}`;
}

/**
 * The root figures of one request: territorial groupings of the same cases (a community's own
 * figures and its grids', as its dashboard asks) are counted in one statement; the rest one each.
 */
function rootIndicatorsOf(em: EntityManager, now: Date) {
  const cacheKey = (key: RootIndicatorsKey) => `${key.grouping}|${casesCounted(key)}`;
  const loader = new DataLoader<RootIndicatorsKey, IndicatorCounts[], string>(
    async (keys) => {
      const answers = new Map<string, IndicatorCounts[]>();
      await Promise.all(
        [...groupBy(keys, casesCounted).values()].map(async (alike) => {
          const [first] = alike;
          if (!first) return;
          const { period, scope, narrow } = first;
          const groupings = [...new Set(alike.map((key) => key.grouping))];
          const together = groupings.filter((grouping) => TERRITORIAL.includes(grouping));
          const counted =
            together.length > 1
              ? await countTerritorialGroupings(em, { period, now, scope, narrow }, together)
              : new Map<IndicatorGrouping, IndicatorCounts[]>();
          await Promise.all(
            groupings.map(async (grouping) => {
              const rows =
                counted.get(grouping) ?? (await countIndicators(em, { grouping, period, now, scope, narrow }));
              answers.set(cacheKey({ ...first, grouping }), rows);
            }),
          );
        }),
      );
      return keys.map((key) => answers.get(cacheKey(key))!);
    },
    { cacheKeyFn: cacheKey },
  );
  return (key: RootIndicatorsKey) => loader.load(key);
}

/** The indicators module's per-request loaders, over one `now` and the viewer's scope. */
export function indicatorLoaders(em: EntityManager, now: Date, scope: CaseScope) {
  return {
    indicatorsOfGrid: indicatorsOf(em, IndicatorGrouping.GRID, now, scope),
    indicatorsOfCommunity: indicatorsOf(em, IndicatorGrouping.COMMUNITY, now, scope),
    rootIndicators: rootIndicatorsOf(em, now),
  };
}
