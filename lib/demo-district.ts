import type * as FakerModule from '@faker-js/faker';
import { itemAt } from './lists';
import { makeNationalId } from './national-id';

/**
 * The small demo district a first start loads: two streets, three communities, five grids,
 * buildings, households, residents and workers. Deterministic (fixed seed and fixed ids), so the
 * README's example queries and every subgraph's own demo rows agree on the same grid.
 */
export const DEMO_COUNTY = '370783';

/** Fixed, readable UUIDs: `d0000000-<kind>-7000-8000-<n>`. */
export function demoId(kind: number, n: number): string {
  return `d0000000-${String(kind).padStart(4, '0')}-7000-8000-${String(n).padStart(12, '0')}`;
}

export interface DemoDistrict {
  streets: Array<{ id: string; code: string; name: string }>;
  communities: Array<{ id: string; code: string; name: string; streetId: string }>;
  grids: Array<{ id: string; code: string; name: string; kind: string; communityId: string }>;
  buildings: Array<{ id: string; code: string; address: string; gridId: string }>;
  households: Array<{ id: string; buildingId: string; unit: string; room: string; tenure: string }>;
  residents: Array<{
    id: string;
    name: string;
    gender: 'MALE' | 'FEMALE';
    birthDate: string;
    idNumber: string;
    phone: string | null;
    householdId: string;
    relationToHead: string;
    residenceType: string;
    careTags: string[];
  }>;
  workers: Array<{
    id: string;
    name: string;
    kind: string;
    department: string | null;
    phone: string;
    publicContact: string;
  }>;
  assignments: Array<{ id: string; workerId: string; gridId: string; role: string }>;
  visits: Array<{
    id: string;
    workerId: string;
    gridId: string;
    householdId: string | null;
    duty: string;
    visitedAt: string;
    note: string;
  }>;
}

let cached: DemoDistrict | undefined;

export function demoDistrict(): DemoDistrict {
  if (cached) return cached;
  // Loaded when a new database needs the demo, not at every start: faker's module holds every
  // locale (a third of a second of CPU and 7 MB of heap in each subgraph).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Faker, zh_CN, base } = require('@faker-js/faker') as typeof FakerModule;
  const faker = new Faker({ locale: [zh_CN, base], seed: 20261123 });
  const streets = [
    { id: demoId(1, 1), code: `${DEMO_COUNTY}001`, name: '圣城街道' },
    { id: demoId(1, 2), code: `${DEMO_COUNTY}002`, name: '文家街道' },
  ];
  const communities = [
    { id: demoId(2, 1), code: `${DEMO_COUNTY}001001`, name: '东城社区', streetId: itemAt(streets, 0).id },
    { id: demoId(2, 2), code: `${DEMO_COUNTY}001002`, name: '西关社区', streetId: itemAt(streets, 0).id },
    { id: demoId(2, 3), code: `${DEMO_COUNTY}002001`, name: '文家社区', streetId: itemAt(streets, 1).id },
  ];
  const gridPlan: Array<[number, string, string]> = [
    [0, '东城第一网格', 'RESIDENTIAL'],
    [0, '东城第二网格', 'MIXED'],
    [1, '西关第一网格', 'RESIDENTIAL'],
    [1, '西关商业网格', 'COMMERCIAL'],
    [2, '文家第一网格', 'RESIDENTIAL'],
  ];
  const grids = gridPlan.map(([c, name, kind], i) => {
    const community = itemAt(communities, c);
    return {
      id: demoId(3, i + 1),
      code: `${community.code}${String(i + 1).padStart(3, '0')}`,
      name,
      kind,
      communityId: community.id,
    };
  });
  const buildings = grids.flatMap((grid, g) =>
    [1, 2].map((b) => ({
      id: demoId(4, g * 2 + b),
      code: `${grid.code}B${b}`,
      address: `${faker.location.street()}${faker.number.int({ min: 1, max: 300 })}号${b}号楼`,
      gridId: grid.id,
    })),
  );
  const tenures = ['OWNER_OCCUPIED', 'OWNER_OCCUPIED', 'RENTED', 'VACANT'];
  const households: DemoDistrict['households'] = [];
  const residents: DemoDistrict['residents'] = [];
  buildings.forEach((building) => {
    for (let h = 1; h <= 4; h += 1) {
      const household = {
        id: demoId(5, households.length + 1),
        buildingId: building.id,
        unit: String(Math.ceil(h / 2)),
        room: `${100 + h}`,
        tenure: itemAt(tenures, (h - 1) % 4),
      };
      households.push(household);
      if (household.tenure === 'VACANT') continue;
      const members = household.tenure === 'RENTED' ? 1 : 2;
      for (let m = 0; m < members; m += 1) {
        const gender = faker.helpers.arrayElement(['MALE', 'FEMALE'] as const);
        const birth = faker.date.birthdate({ min: 1938, max: 2005, mode: 'year' });
        const birthDate = birth.toISOString().slice(0, 10);
        const sequence = faker.number.int({ min: 0, max: 499 }) * 2 + (gender === 'MALE' ? 1 : 0);
        const age = 2026 - birth.getUTCFullYear();
        const careTags = [
          ...(age >= 80 ? ['OVER_80'] : []),
          ...(faker.number.int(9) === 0 ? ['LOW_INCOME'] : []),
          ...(members === 1 && age >= 70 ? ['LIVING_ALONE'] : []),
        ];
        residents.push({
          id: demoId(6, residents.length + 1),
          name: `${faker.person.lastName()}${faker.person.firstName(gender === 'MALE' ? 'male' : 'female')}`,
          gender,
          birthDate,
          idNumber: makeNationalId(DEMO_COUNTY, birthDate, sequence),
          phone: `1${faker.helpers.arrayElement(['38', '39', '58', '86', '87'])}${faker.string.numeric(8)}`,
          householdId: household.id,
          relationToHead: m === 0 ? 'HEAD' : 'SPOUSE',
          residenceType: household.tenure === 'RENTED' ? 'FLOATING' : 'REGISTERED',
          careTags,
        });
      }
    }
  });
  const workerPlan: Array<[string, string | null]> = [
    ['FULL_TIME', null],
    ['FULL_TIME', null],
    ['FULL_TIME', null],
    ['FULL_TIME', null],
    ['PART_TIME', null],
    ['COORDINATOR', '公安派出所'],
    ['COORDINATOR', '城市管理局'],
  ];
  const workers = workerPlan.map(([kind, department], i) => ({
    id: demoId(7, i + 1),
    name: faker.person.fullName().replace(/\s/g, ''),
    kind,
    department,
    phone: `13${faker.string.numeric(9)}`,
    publicContact: `0536-52210${String(i + 1).padStart(2, '0')}`,
  }));
  // 寿光's 1+1+N, and all three shapes: one person one grid (worker 1), one person several
  // grids (worker 4 covers grids 4 and 5), several persons one grid (grid 1).
  const assignments = (
    [
      [0, 0, 'FULL_TIME'],
      [4, 0, 'PART_TIME'],
      [5, 0, 'COORDINATOR'],
      [6, 0, 'COORDINATOR'],
      [1, 1, 'FULL_TIME'],
      [2, 2, 'FULL_TIME'],
      [3, 3, 'FULL_TIME'],
      [3, 4, 'FULL_TIME'],
      [5, 4, 'COORDINATOR'],
    ] as Array<[number, number, string]>
  ).map(([w, g, role], i) => ({
    id: demoId(8, i + 1),
    workerId: itemAt(workers, w).id,
    gridId: itemAt(grids, g).id,
    role,
  }));
  // A few lines of the visit log (走访台账), each by a worker serving that grid.
  const visits = (
    [
      [0, 0, 0, 'INFORMATION_COLLECTION', '2026-01-05T02:00:00Z', '入户核对实有人口信息'],
      [0, 0, 1, 'AFFAIRS_ON_BEHALF', '2026-01-12T06:30:00Z', '代办高龄津贴申请材料'],
      [5, 0, 2, 'DISPUTE_MEDIATION', '2026-01-15T11:00:00Z', '调解邻里噪音纠纷，双方达成谅解'],
      [6, 0, null, 'CITY_MANAGEMENT_PATROL', '2026-01-16T01:30:00Z', '巡查小区门口占道经营'],
      [3, 3, null, 'SANITATION_SUPERVISION', '2026-01-20T03:00:00Z', '商业街门前环境卫生检查'],
      [3, 4, 32, 'POLICY_PUBLICITY', '2026-01-22T07:00:00Z', '入户宣传防范电信诈骗知识'],
    ] as Array<[number, number, number | null, string, string, string]>
  ).map(([w, g, h, duty, visitedAt, note], i) => ({
    id: demoId(11, i + 1),
    workerId: itemAt(workers, w).id,
    gridId: itemAt(grids, g).id,
    householdId: h === null ? null : itemAt(households, h).id,
    duty,
    visitedAt,
    note,
  }));
  cached = { streets, communities, grids, buildings, households, residents, workers, assignments, visits };
  return cached;
}
