import { Faker, base, zh_CN } from '@faker-js/faker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { makeNationalId } from '../../lib/national-id';
import { defaultDuties } from '../../subgraphs/grid/worker/grid-assignment.rules';
import { AssignmentRole } from '../../subgraphs/grid/shared/enums';
import { bulkInsert } from './bulk-insert';
import { itemAt } from '../../lib/lists';
import { IdSequence } from './generated-ids';
import type { Progress } from './progress';
import type { Scale } from './scales';

/**
 * The grid subgraph's part of a generated district: streets → communities → grids → buildings →
 * households → residents, and the grid workers with their assignments. Realistic where it
 * matters for queries: grid sizes around the 300–500 band, tenure mix, family sizes, ages and
 * the care tags that follow from them, valid ID numbers (GB 11643) and mobile numbers.
 */
export interface GridDistrict {
  streetIds: string[];
  streetNames: string[];
  /** `district` is the index of the generated district the street, community or grid lies in. */
  streetDistrict: number[];
  communities: Array<{ id: string; streetId: string; name: string; district: number }>;
  grids: Array<{ id: string; communityId: string; name: string; households: number }>;
  buildings: Array<{ id: string; gridId: string }>;
  /** Residents in generation order, grid by grid: each grid's residents are one run of indexes. */
  residentIds: string[];
  residentGrid: string[];
  residentNames: string[];
  residentIdNumbers: string[];
  residentPhones: Array<string | null>;
  residentBirthYears: number[];
  householdCount: number;
}

const TENURES: Array<[string, number]> = [
  ['OWNER_OCCUPIED', 0.74],
  ['RENTED', 0.18],
  ['VACANT', 0.08],
];
const STREET_NAMES = ['圣城', '文家', '古城', '洛城', '孙家集', '营里', '台头', '田柳', '上口', '侯镇', '纪台', '稻田'];
const GRID_KINDS: Array<[string, number]> = [
  ['RESIDENTIAL', 0.78],
  ['MIXED', 0.12],
  ['COMMERCIAL', 0.06],
  ['ENTERPRISE_PARK', 0.04],
];

export async function generateGridDistrict(
  orm: MikroORM,
  scale: Scale,
  seed: number,
  progress: Progress,
): Promise<GridDistrict> {
  const faker = new Faker({ locale: [zh_CN, base], seed });
  const pick = <T>(weighted: Array<[T, number]>): T =>
    faker.helpers.weightedArrayElement(weighted.map(([value, weight]) => ({ value, weight })));
  const ids = {
    street: new IdSequence(1),
    community: new IdSequence(2),
    grid: new IdSequence(3),
    building: new IdSequence(4),
    household: new IdSequence(5),
    resident: new IdSequence(6),
    worker: new IdSequence(7),
    assignment: new IdSequence(8),
    period: new IdSequence(9),
    change: new IdSequence(10),
  };
  const at = new Date('2025-06-01T00:00:00Z');
  const streets: unknown[][] = [];
  const communities: unknown[][] = [];
  const grids: unknown[][] = [];
  const buildings: unknown[][] = [];
  const periods: unknown[][] = [];
  const households: unknown[][] = [];
  const residents: unknown[][] = [];
  const workers: unknown[][] = [];
  const assignments: unknown[][] = [];
  const changes: unknown[][] = [];
  const result: GridDistrict = {
    streetIds: [],
    streetNames: [],
    streetDistrict: [],
    communities: [],
    grids: [],
    buildings: [],
    residentIds: [],
    residentGrid: [],
    residentNames: [],
    residentIdNumbers: [],
    residentPhones: [],
    residentBirthYears: [],
    householdCount: 0,
  };
  const idSequences = new Map<string, number>();

  for (let d = 0; d < scale.districts; d += 1) {
    const county = String(370783 + d * 2);
    const communitiesPerStreet = Math.ceil(scale.communitiesPerDistrict / scale.streetsPerDistrict);
    const gridsPerCommunity = scale.gridsPerDistrict / scale.communitiesPerDistrict;
    let gridsMade = 0;
    for (let s = 0; s < scale.streetsPerDistrict; s += 1) {
      const streetId = ids.street.next();
      const streetCode = `${county}${String(s + 1).padStart(3, '0')}`;
      const streetName = `${STREET_NAMES[s % STREET_NAMES.length]}街道${d ? `（${d + 1}区）` : ''}`;
      streets.push([streetId, streetCode, streetName, at]);
      result.streetIds.push(streetId);
      result.streetNames.push(streetName);
      result.streetDistrict.push(d);
      for (let c = 0; c < communitiesPerStreet && communities.length < scale.communitiesPerDistrict * (d + 1); c += 1) {
        const communityId = ids.community.next();
        const communityCode = `${streetCode}${String(c + 1).padStart(3, '0')}`;
        const communityName = `${faker.location.street().slice(0, 2)}社区`;
        communities.push([communityId, communityCode, communityName, streetId, 'ACTIVE', at]);
        result.communities.push({ id: communityId, streetId, name: communityName, district: d });
        const communityIndex = communities.length - d * scale.communitiesPerDistrict;
        const target = Math.round(gridsPerCommunity * communityIndex);
        for (let g = 1; gridsMade < target; g += 1, gridsMade += 1) {
          const gridId = ids.grid.next();
          const gridCode = `${communityCode}${String(g).padStart(3, '0')}`;
          const gridName = `${communityCode.slice(-3)}社区第${g}网格`;
          grids.push([gridId, gridCode, gridName, pick(GRID_KINDS), 'ACTIVE', communityId, at]);
          changes.push([ids.change.next(), 'CREATED', [], [gridId], [], '生成数据', 'generator', at]);
          let remaining = faker.number.int({ min: scale.householdsPerGrid[0], max: scale.householdsPerGrid[1] });
          result.grids.push({ id: gridId, communityId, name: gridName, households: remaining });
          for (let b = 1; remaining > 0; b += 1) {
            const buildingId = ids.building.next();
            buildings.push([
              buildingId,
              `${gridCode}B${b}`,
              `${faker.location.street()}${faker.number.int({ min: 1, max: 999 })}号`,
              gridId,
              at,
            ]);
            periods.push([ids.period.next(), buildingId, gridId, at]);
            result.buildings.push({ id: buildingId, gridId });
            const size = Math.min(
              remaining,
              faker.number.int({ min: scale.householdsPerBuilding[0], max: scale.householdsPerBuilding[1] }),
            );
            remaining -= size;
            for (let h = 0; h < size; h += 1) {
              const householdId = ids.household.next();
              const tenure = pick(TENURES);
              households.push([
                householdId,
                buildingId,
                String(1 + Math.floor(h / 12)),
                String(101 + 100 * Math.floor((h % 12) / 2) + (h % 2)),
                tenure,
                at,
              ]);
              if (tenure === 'VACANT') continue;
              const members =
                tenure === 'RENTED'
                  ? faker.number.int({ min: 1, max: 4 })
                  : faker.helpers.weightedArrayElement([
                      { value: 1, weight: 6 },
                      { value: 2, weight: 22 },
                      { value: 3, weight: 32 },
                      { value: 4, weight: 26 },
                      { value: 5, weight: 14 },
                    ]);
              for (let m = 0; m < members; m += 1) {
                const gender = faker.helpers.arrayElement(['MALE', 'FEMALE'] as const);
                const birth =
                  m < 2
                    ? faker.date.birthdate({ min: 1935, max: 2000, mode: 'year' })
                    : faker.date.birthdate({ min: 1990, max: 2024, mode: 'year' });
                const birthDate = birth.toISOString().slice(0, 10);
                const key = `${county}${birthDate}${gender}`;
                const sequence = (idSequences.get(key) ?? 0) + 1;
                idSequences.set(key, sequence);
                const age = 2026 - birth.getUTCFullYear();
                const careTags = [
                  ...(age >= 80 ? ['OVER_80'] : []),
                  ...(faker.number.float() < 0.02 ? ['DISABLED'] : []),
                  ...(faker.number.float() < 0.03 ? ['LOW_INCOME'] : []),
                  ...(members === 1 && age >= 65 ? ['LIVING_ALONE'] : []),
                ];
                const residentId = ids.resident.next();
                const name = `${faker.person.lastName()}${faker.person.firstName(gender === 'MALE' ? 'male' : 'female')}`;
                // The sequence digits are odd for men and even for women.
                const idNumber = makeNationalId(county, birthDate, gender === 'MALE' ? sequence * 2 - 1 : sequence * 2);
                const phone =
                  age >= 14
                    ? `1${faker.helpers.arrayElement(['3', '5', '7', '8', '9'])}${faker.string.numeric(9)}`
                    : null;
                residents.push([
                  residentId,
                  name,
                  gender,
                  birthDate,
                  idNumber,
                  phone,
                  householdId,
                  m === 0 ? 'HEAD' : m === 1 ? 'SPOUSE' : 'CHILD',
                  tenure === 'RENTED' ? 'FLOATING' : faker.number.float() < 0.85 ? 'REGISTERED' : 'PERMANENT',
                  careTags,
                  at,
                ]);
                result.residentIds.push(residentId);
                result.residentGrid.push(gridId);
                result.residentNames.push(name);
                result.residentIdNumbers.push(idNumber);
                result.residentPhones.push(phone);
                result.residentBirthYears.push(birth.getUTCFullYear());
              }
            }
          }
        }
      }
    }
  }
  // One full-time worker per grid, part-time workers covering one or two grids, coordinators three.
  const gridIds = result.grids.map((g) => g.id);
  const addWorker = (kind: string, department: string | null) => {
    const id = ids.worker.next();
    const serviceLine = `0536-${faker.string.numeric(7)}`;
    workers.push([
      id,
      faker.person.fullName().replace(/\s/g, ''),
      kind,
      department,
      `13${faker.string.numeric(9)}`,
      serviceLine,
      true,
      at,
    ]);
    return id;
  };
  gridIds.forEach((gridId) =>
    assignments.push([ids.assignment.next(), addWorker('FULL_TIME', null), gridId, 'FULL_TIME', at]),
  );
  for (let i = 0; i < gridIds.length; i += 2) {
    const worker = addWorker('PART_TIME', null);
    assignments.push([ids.assignment.next(), worker, gridIds[i], 'GRID_CHIEF', at]);
    if (gridIds[i + 1]) assignments.push([ids.assignment.next(), worker, gridIds[i + 1], 'GRID_CHIEF', at]);
  }
  const departments = ['公安派出所', '市场监管所', '城市管理局', '环卫所'];
  for (let i = 0; i < gridIds.length; i += 3) {
    const worker = addWorker('COORDINATOR', itemAt(departments, (i / 3) % departments.length));
    for (const gridId of gridIds.slice(i, i + 3))
      assignments.push([ids.assignment.next(), worker, gridId, 'COORDINATOR', at]);
  }
  result.householdCount = households.length;

  const write = async (table: string, columns: Array<[string, string]>, rows: unknown[][]) => {
    const bar = progress.bar(table, rows.length);
    await bulkInsert(
      orm,
      `grid.${table}`,
      columns.map(([name, type]) => ({ name, type })),
      rows,
      bar,
    );
    progress.done(bar);
  };
  await write(
    'street',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['created_at', 'timestamptz'],
    ],
    streets,
  );
  await write(
    'community',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['street_id', 'uuid'],
      ['status', 'text'],
      ['created_at', 'timestamptz'],
    ],
    communities,
  );
  await write(
    'grid',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['status', 'text'],
      ['community_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    grids,
  );
  await write(
    'grid_change',
    [
      ['id', 'uuid'],
      ['kind', 'text'],
      ['from_grid_ids', 'text[]'],
      ['to_grid_ids', 'text[]'],
      ['building_ids', 'text[]'],
      ['note', 'text'],
      ['actor', 'text'],
      ['occurred_at', 'timestamptz'],
    ],
    changes,
  );
  await write(
    'building',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['address', 'text'],
      ['grid_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    buildings,
  );
  await write(
    'building_grid_period',
    [
      ['id', 'uuid'],
      ['building_id', 'uuid'],
      ['grid_id', 'uuid'],
      ['since', 'timestamptz'],
    ],
    periods,
  );
  await write(
    'household',
    [
      ['id', 'uuid'],
      ['building_id', 'uuid'],
      ['unit', 'text'],
      ['room', 'text'],
      ['tenure', 'text'],
      ['created_at', 'timestamptz'],
    ],
    households,
  );
  await write(
    'resident',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['gender', 'text'],
      ['birth_date', 'date'],
      ['id_number', 'text'],
      ['phone', 'text'],
      ['household_id', 'uuid'],
      ['relation_to_head', 'text'],
      ['residence_type', 'text'],
      ['care_tags', 'text[]'],
      ['created_at', 'timestamptz'],
    ],
    residents,
  );
  await write(
    'grid_worker',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['kind', 'text'],
      ['department', 'text'],
      ['phone', 'text'],
      ['public_contact', 'text'],
      ['active', 'boolean'],
      ['created_at', 'timestamptz'],
    ],
    workers,
  );
  const withDuties = assignments.map((row) => [...row, defaultDuties(row[3] as AssignmentRole)]);
  await write(
    'grid_assignment',
    [
      ['id', 'uuid'],
      ['worker_id', 'uuid'],
      ['grid_id', 'uuid'],
      ['role', 'text'],
      ['started_at', 'timestamptz'],
      ['duties', 'text[]'],
    ],
    withDuties,
  );
  return result;
}
