import { encodeCursor } from '../lib/pagination';
import { demoDistrict } from '../lib/demo-district';
import { makeNationalId } from '../lib/national-id';
import { maskIdNumber, maskPhone } from '../lib/personal-data';
import { startTestHub, type TestHub } from './support/test-hub';

/** Households and residents (户、居民/实有人口) through the gateway, over the demo district. */
let hub: TestHub;
const d = demoDistrict();
const gridOfHousehold = new Map(
  d.households.map((h) => [h.id, d.buildings.find((b) => b.id === h.buildingId)!.gridId]),
);
const communityOfGrid = new Map(d.grids.map((g) => [g.id, g.communityId]));
const sortedIds = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

/** A mutation that must be refused with `code` on `field`, leaving every named table as it was. */
async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  code: string,
  field: string,
  tables: string[],
) {
  const before = await Promise.all(tables.map((table) => hub.count('grid', table)));
  const error = await hub.fail(query, variables);
  expect({ code: error.extensions?.code, field: error.extensions?.field }).toEqual({ code, field });
  expect(await Promise.all(tables.map((table) => hub.count('grid', table)))).toEqual(before);
  return error;
}

describe('reading residents', () => {
  it('returns a resident with ID number and phone masked, age, care tags, household and grid', async () => {
    const r = d.residents.find((row) => row.careTags.includes('OVER_80'))!;
    const data = await hub.query(
      `query ($id: ID!) { resident(id: $id) {
        name gender birthDate idNumber phone age careTags relationToHead residenceType
        household { id unit room tenure building { code } }
        grid { id code }
      } }`,
      { id: r.id },
    );
    const household = d.households.find((h) => h.id === r.householdId)!;
    const grid = d.grids.find((g) => g.id === gridOfHousehold.get(r.householdId))!;
    const today = new Date();
    const [y, m, day] = r.birthDate.split('-').map(Number);
    const age =
      today.getUTCFullYear() -
      y -
      (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < day) ? 1 : 0);
    expect(data.resident).toEqual({
      name: r.name,
      gender: r.gender,
      birthDate: r.birthDate,
      idNumber: maskIdNumber(r.idNumber),
      phone: maskPhone(r.phone!),
      age,
      careTags: r.careTags,
      relationToHead: r.relationToHead,
      residenceType: r.residenceType,
      household: {
        id: household.id,
        unit: household.unit,
        room: household.room,
        tenure: household.tenure,
        building: { code: d.buildings.find((b) => b.id === household.buildingId)!.code },
      },
      grid: { id: grid.id, code: grid.code },
    });
    expect(data.resident.idNumber).toMatch(/^370783\*{8}[0-9X]{4}$/);
    expect(data.resident.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('never returns a full ID number or phone in a list', async () => {
    const data = await hub.query(`{ residents(first: 100) { totalCount nodes { idNumber phone } } }`);
    expect(data.residents.totalCount).toBe(d.residents.length);
    const text = JSON.stringify(data);
    for (const r of d.residents) {
      expect(text).not.toContain(r.idNumber);
      expect(text).not.toContain(r.phone!);
    }
  });

  const residentFilters: Array<[string, Record<string, unknown>, (r: (typeof d.residents)[number]) => boolean]> = [
    ['grid', { gridId: d.grids[0].id }, (r) => gridOfHousehold.get(r.householdId) === d.grids[0].id],
    [
      'community',
      { communityId: d.communities[1].id },
      (r) => communityOfGrid.get(gridOfHousehold.get(r.householdId)!) === d.communities[1].id,
    ],
    [
      'street',
      { streetId: d.streets[1].id },
      (r) => communityOfGrid.get(gridOfHousehold.get(r.householdId)!) === d.communities[2].id,
    ],
    [
      'building',
      { buildingId: d.buildings[3].id },
      (r) => d.households.find((h) => h.id === r.householdId)!.buildingId === d.buildings[3].id,
    ],
    ['household', { householdId: d.households[0].id }, (r) => r.householdId === d.households[0].id],
    [
      'care tags (any of)',
      { careTags: ['LIVING_ALONE', 'LOW_INCOME'] },
      (r) => r.careTags.some((t) => t === 'LIVING_ALONE' || t === 'LOW_INCOME'),
    ],
    [
      'residence type and gender',
      { residenceType: 'FLOATING', gender: 'FEMALE' },
      (r) => r.residenceType === 'FLOATING' && r.gender === 'FEMALE',
    ],
    [
      'street and care tag',
      { streetId: d.streets[0].id, careTags: ['OVER_80'] },
      (r) =>
        r.careTags.includes('OVER_80') &&
        communityOfGrid.get(gridOfHousehold.get(r.householdId)!) !== d.communities[2].id,
    ],
  ];

  it.each(residentFilters)(
    'filters residents by %s, returning exactly the matching rows',
    async (_name, filter, matches) => {
      const expected = d.residents.filter(matches);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(d.residents.length);
      const data = await hub.query(
        `query ($streetId: ID, $communityId: ID, $gridId: ID, $buildingId: ID, $householdId: ID, $careTags: [CareTag!], $residenceType: ResidenceType, $gender: Gender) {
        residents(first: 100, streetId: $streetId, communityId: $communityId, gridId: $gridId, buildingId: $buildingId,
                  householdId: $householdId, careTags: $careTags, residenceType: $residenceType, gender: $gender) { totalCount nodes { id } }
      }`,
        filter,
      );
      expect(sortedIds(data.residents.nodes)).toEqual(sortedIds(expected));
      expect(data.residents.totalCount).toBe(expected.length);
    },
  );

  it.each([
    ['residents', ['streetId', 'communityId', 'gridId', 'buildingId', 'householdId']],
    ['households', ['communityId', 'gridId', 'buildingId']],
    ['visits', ['gridId', 'workerId']],
  ])('refuses %s narrowed by a place or person that is not an id, naming the argument', async (list, fields) => {
    for (const field of fields) {
      const error = await hub.fail(`query ($v: ID) { ${list}(${field}: $v) { totalCount } }`, { v: '42' });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toBe(`${field} is not an id`);
    }
  });

  it('pins the demo figures the filters are checked against', () => {
    expect(d.residents.filter((r) => r.careTags.includes('OVER_80'))).toHaveLength(8);
    expect(d.residents.filter((r) => gridOfHousehold.get(r.householdId) === d.grids[0].id)).toHaveLength(10);
  });

  it.each([
    [
      'grid',
      { gridId: d.grids[1].id },
      (h: (typeof d.households)[number]) => gridOfHousehold.get(h.id) === d.grids[1].id,
    ],
    [
      'community',
      { communityId: d.communities[0].id },
      (h: (typeof d.households)[number]) => communityOfGrid.get(gridOfHousehold.get(h.id)!) === d.communities[0].id,
    ],
    [
      'building',
      { buildingId: d.buildings[5].id },
      (h: (typeof d.households)[number]) => h.buildingId === d.buildings[5].id,
    ],
    ['tenure', { tenure: 'VACANT' }, (h: (typeof d.households)[number]) => h.tenure === 'VACANT'],
    [
      'community and tenure',
      { communityId: d.communities[2].id, tenure: 'RENTED' },
      (h: (typeof d.households)[number]) =>
        h.tenure === 'RENTED' && communityOfGrid.get(gridOfHousehold.get(h.id)!) === d.communities[2].id,
    ],
  ])('filters households by %s', async (_name, filter, matches) => {
    const expected = d.households.filter(matches as (h: (typeof d.households)[number]) => boolean);
    const data = await hub.query(
      `query ($gridId: ID, $communityId: ID, $buildingId: ID, $tenure: Tenure) {
        households(first: 100, gridId: $gridId, communityId: $communityId, buildingId: $buildingId, tenure: $tenure) { totalCount nodes { id } }
      }`,
      filter,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(sortedIds(data.households.nodes)).toEqual(sortedIds(expected));
    expect(data.households.totalCount).toBe(expected.length);
  });

  it('lists a household with its building and residents', async () => {
    const household = d.households[0];
    const data = await hub.query(
      `query ($id: ID!) { household(id: $id) { unit room tenure building { id } residents { totalCount nodes { name relationToHead } } } }`,
      { id: household.id },
    );
    expect(data.household).toEqual({
      unit: household.unit,
      room: household.room,
      tenure: household.tenure,
      building: { id: household.buildingId },
      residents: {
        totalCount: 2,
        nodes: d.residents
          .filter((r) => r.householdId === household.id)
          .map((r) => ({ name: r.name, relationToHead: r.relationToHead })),
      },
    });
  });
});

describe('writing households and residents', () => {
  const fixture = {
    buildingId: '',
    otherBuildingId: '',
    gridId: '',
    householdId: '',
    secondHouseholdId: '',
    residentId: '',
  };
  const CREATE_HOUSEHOLD = `mutation ($input: CreateHouseholdInput!) { createHousehold(input: $input) { id unit room tenure building { id } } }`;
  const CREATE_RESIDENT = `mutation ($input: CreateResidentInput!) {
    createResident(input: $input) { id name gender birthDate idNumber phone age careTags relationToHead household { id } grid { id } }
  }`;
  const idOfMan = makeNationalId('370783', '1958-09-09', 35);
  const idOfWoman = makeNationalId('370783', '1961-02-14', 44);

  beforeAll(async () => {
    const grid = d.grids[4];
    fixture.gridId = grid.id;
    const a = await hub.query(
      `mutation ($g: ID!) { createBuilding(input: { gridId: $g, code: "370783002001005B9", address: "文家路9号" }) { id } }`,
      { g: grid.id },
    );
    const b = await hub.query(
      `mutation ($g: ID!) { createBuilding(input: { gridId: $g, code: "370783002001005B10", address: "文家路10号" }) { id } }`,
      { g: grid.id },
    );
    fixture.buildingId = a.createBuilding.id;
    fixture.otherBuildingId = b.createBuilding.id;
  });

  it('creates a household and logs who created it', async () => {
    const data = await hub.query(CREATE_HOUSEHOLD, {
      input: { buildingId: fixture.buildingId, unit: ' 1 ', room: '101', tenure: 'OWNER_OCCUPIED' },
    });
    expect(data.createHousehold).toMatchObject({
      unit: '1',
      room: '101',
      tenure: 'OWNER_OCCUPIED',
      building: { id: fixture.buildingId },
    });
    fixture.householdId = data.createHousehold.id;
    const second = await hub.query(CREATE_HOUSEHOLD, {
      input: { buildingId: fixture.buildingId, unit: '1', room: '102', tenure: 'RENTED' },
    });
    fixture.secondHouseholdId = second.createHousehold.id;
    // The same unit and room in another building is another dwelling.
    await hub.query(CREATE_HOUSEHOLD, {
      input: { buildingId: fixture.otherBuildingId, unit: '1', room: '101', tenure: 'VACANT' },
    });
    const log = await hub.query(
      `query ($id: ID!) { recordChanges(entityType: HOUSEHOLD, entityId: $id) { nodes { entityType entityId action fields changedBy } } }`,
      { id: fixture.householdId },
    );
    expect(log.recordChanges.nodes).toEqual([
      {
        entityType: 'HOUSEHOLD',
        entityId: fixture.householdId,
        action: 'CREATED',
        fields: ['building', 'unit', 'room', 'tenure'],
        changedBy: 'test-admin',
      },
    ]);
  });

  it('refuses a household whose unit and room exist in the building, or whose building does not exist', async () => {
    const tables = ['grid.household', 'grid.record_change'];
    const error = await expectRefused(
      CREATE_HOUSEHOLD,
      { input: { buildingId: fixture.buildingId, unit: '1', room: '101', tenure: 'RENTED' } },
      'CONFLICT',
      'input.room',
      tables,
    );
    expect(error.message).toBe('unit 1 room 101 already exists in building 370783002001005B9');
    await expectRefused(
      CREATE_HOUSEHOLD,
      { input: { buildingId: d.grids[0].id, unit: '1', room: '101', tenure: 'RENTED' } },
      'NOT_FOUND',
      'input.buildingId',
      tables,
    );
    await expectRefused(
      CREATE_HOUSEHOLD,
      { input: { buildingId: fixture.buildingId, unit: '1', room: '  ', tenure: 'RENTED' } },
      'BAD_USER_INPUT',
      'input.room',
      tables,
    );
    await expectRefused(
      `mutation ($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { id } }`,
      { input: { id: fixture.secondHouseholdId, room: '101' } },
      'CONFLICT',
      'input.room',
      tables,
    );
    const unchanged = await hub.query(`query ($id: ID!) { household(id: $id) { room } }`, {
      id: fixture.secondHouseholdId,
    });
    expect(unchanged.household.room).toBe('102');
  });

  it('updates a household and logs the fields changed', async () => {
    const data = await hub.query(
      `mutation ($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { room tenure changes { nodes { action fields } } } }`,
      { input: { id: fixture.secondHouseholdId, room: '103', tenure: 'VACANT' } },
    );
    expect(data.updateHousehold).toEqual({
      room: '103',
      tenure: 'VACANT',
      changes: {
        nodes: [
          { action: 'CREATED', fields: ['building', 'unit', 'room', 'tenure'] },
          { action: 'UPDATED', fields: ['room', 'tenure'] },
        ],
      },
    });
  });

  it('registers a resident, reading birth date and gender from the ID number, and returns personal data masked', async () => {
    const data = await hub.query(CREATE_RESIDENT, {
      input: {
        householdId: fixture.householdId,
        name: ' 孙建国 ',
        idNumber: idOfMan,
        phone: '13812345678',
        relationToHead: 'HEAD',
        residenceType: 'PERMANENT',
        careTags: ['VETERAN', 'DISABLED'],
      },
    });
    fixture.residentId = data.createResident.id;
    expect(data.createResident).toMatchObject({
      name: '孙建国',
      gender: 'MALE',
      birthDate: '1958-09-09',
      idNumber: maskIdNumber(idOfMan),
      phone: '138****5678',
      careTags: ['DISABLED', 'VETERAN'],
      relationToHead: 'HEAD',
      household: { id: fixture.householdId },
      grid: { id: fixture.gridId },
    });
    expect(JSON.stringify(data)).not.toContain(idOfMan);
    const stored = await hub.hub.subgraphs.grid.database.orm.em
      .getConnection()
      .execute(`select id_number, phone, birth_date::text as birth_date from grid.resident where id = ?`, [
        fixture.residentId,
      ]);
    expect(stored[0]).toEqual({ id_number: idOfMan, phone: '13812345678', birth_date: '1958-09-09' });
  });

  const invalidResidents: Array<[string, Record<string, unknown>, string, string]> = [
    [
      'a wrong check digit',
      { idNumber: idOfWoman.slice(0, 17) + (idOfWoman[17] === '0' ? '1' : '0') },
      'BAD_USER_INPUT',
      'input.idNumber',
    ],
    ['17 characters', { idNumber: idOfWoman.slice(0, 17) }, 'BAD_USER_INPUT', 'input.idNumber'],
    [
      'an impossible birth date in the number',
      { idNumber: makeNationalId('370783', '1961-02-30', 44) },
      'BAD_USER_INPUT',
      'input.idNumber',
    ],
    ['a birth date the number contradicts', { birthDate: '1961-02-15' }, 'BAD_USER_INPUT', 'input.birthDate'],
    ['a malformed birth date', { birthDate: '1961/02/14' }, 'BAD_USER_INPUT', 'input.birthDate'],
    ['a gender the number contradicts', { gender: 'MALE' }, 'BAD_USER_INPUT', 'input.gender'],
    ['a landline as mobile number', { phone: '05365221234' }, 'BAD_USER_INPUT', 'input.phone'],
    [
      'an ID number already registered',
      { idNumber: idOfMan, birthDate: null, gender: null },
      'CONFLICT',
      'input.idNumber',
    ],
    [
      'a household that does not exist',
      { householdId: '0190b5a0-0000-7000-8000-000000000000' },
      'NOT_FOUND',
      'input.householdId',
    ],
    ['a second head of the household', { relationToHead: 'HEAD' }, 'CONFLICT', 'input.relationToHead'],
    ['an age tag that does not fit', { careTags: ['OVER_80'] }, 'BAD_USER_INPUT', 'input.careTags'],
    ['an empty name', { name: ' ' }, 'BAD_USER_INPUT', 'input.name'],
  ];

  it.each(invalidResidents)('refuses a resident with %s and writes nothing', async (_name, change, code, field) => {
    const input = {
      householdId: fixture.householdId,
      name: '刘桂兰',
      idNumber: idOfWoman,
      birthDate: '1961-02-14',
      gender: 'FEMALE',
      relationToHead: 'SPOUSE',
      residenceType: 'PERMANENT',
      ...change,
    };
    await expectRefused(CREATE_RESIDENT, { input }, code, field, ['grid.resident', 'grid.record_change']);
  });

  it('updates a resident and logs field names only, never values', async () => {
    const data = await hub.query(
      `mutation ($input: UpdateResidentInput!) { updateResident(input: $input) { phone careTags residenceType changes { nodes { action fields } } } }`,
      { input: { id: fixture.residentId, phone: '13987654321', careTags: ['VETERAN'], residenceType: 'PERMANENT' } },
    );
    expect(data.updateResident).toEqual({
      phone: '139****4321',
      careTags: ['VETERAN'],
      residenceType: 'PERMANENT',
      changes: {
        nodes: [
          {
            action: 'CREATED',
            fields: [
              'name',
              'gender',
              'birthDate',
              'idNumber',
              'phone',
              'household',
              'relationToHead',
              'residenceType',
              'careTags',
            ],
          },
          { action: 'UPDATED', fields: ['phone', 'careTags'] },
        ],
      },
    });
    const rows = await hub.hub.subgraphs.grid.database.orm.em
      .getConnection()
      .execute(`select * from grid.record_change`);
    expect(JSON.stringify(rows)).not.toContain('13987654321');
    expect(JSON.stringify(rows)).not.toContain(idOfMan);
  });

  it('refuses an update that would break a rule and leaves the resident as it was', async () => {
    const UPDATE = `mutation ($input: UpdateResidentInput!) { updateResident(input: $input) { id } }`;
    const tables = ['grid.resident', 'grid.record_change'];
    const other = d.residents[0];
    await expectRefused(
      UPDATE,
      {
        input: {
          id: fixture.residentId,
          name: '改名',
          idNumber: other.idNumber,
          birthDate: other.birthDate,
          gender: other.gender,
        },
      },
      'CONFLICT',
      'input.idNumber',
      tables,
    );
    await expectRefused(
      UPDATE,
      { input: { id: fixture.residentId, birthDate: '1958-09-10' } },
      'BAD_USER_INPUT',
      'input.birthDate',
      tables,
    );
    await expectRefused(
      UPDATE,
      { input: { id: fixture.residentId, phone: '123' } },
      'BAD_USER_INPUT',
      'input.phone',
      tables,
    );
    const unchanged = await hub.query(
      `query ($id: ID!) { resident(id: $id) { name birthDate idNumber changes { totalCount } } }`,
      { id: fixture.residentId },
    );
    expect(unchanged.resident).toEqual({
      name: '孙建国',
      birthDate: '1958-09-09',
      idNumber: maskIdNumber(idOfMan),
      changes: { totalCount: 2 },
    });
  });

  it('moves a resident to another household and logs the move', async () => {
    const data = await hub.query(
      `mutation ($input: MoveResidentInput!) { moveResident(input: $input) { household { id } relationToHead grid { id } } }`,
      { input: { residentId: fixture.residentId, toHouseholdId: fixture.secondHouseholdId, relationToHead: 'HEAD' } },
    );
    expect(data.moveResident).toEqual({
      household: { id: fixture.secondHouseholdId },
      relationToHead: 'HEAD',
      grid: { id: fixture.gridId },
    });
    const log = await hub.query(
      `query ($id: ID!) { recordChanges(entityType: RESIDENT, entityId: $id, first: 1, after: null) { totalCount pageInfo { hasNextPage } } resident(id: $id) { changes { nodes { action fields } } } }`,
      { id: fixture.residentId },
    );
    expect(log.recordChanges).toEqual({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(log.resident.changes.nodes[2]).toEqual({ action: 'MOVED', fields: ['household'] });
  });

  it('refuses moving a head into a household that has one', async () => {
    const head = d.residents.find((r) => r.relationToHead === 'HEAD')!;
    await expectRefused(
      `mutation ($input: MoveResidentInput!) { moveResident(input: $input) { id } }`,
      { input: { residentId: head.id, toHouseholdId: fixture.secondHouseholdId, relationToHead: 'HEAD' } },
      'CONFLICT',
      'input.relationToHead',
      ['grid.resident', 'grid.record_change'],
    );
    const still = await hub.query(`query ($id: ID!) { resident(id: $id) { household { id } } }`, { id: head.id });
    expect(still.resident.household.id).toBe(head.householdId);
  });

  it('refuses a building code already used, with nothing written', async () => {
    await expectRefused(
      `mutation ($id: ID!, $code: String!) { updateBuilding(input: { id: $id, code: $code }) { id } }`,
      { id: fixture.buildingId, code: d.buildings[0].code },
      'CONFLICT',
      'input.code',
      ['grid.building', 'grid.record_change'],
    );
    const unchanged = await hub.query(`query ($id: ID!) { building(id: $id) { code } }`, { id: fixture.buildingId });
    expect(unchanged.building.code).toBe('370783002001005B9');
  });

  it('logs building records: created, updated and moved between grids', async () => {
    await hub.query(`mutation ($id: ID!) { updateBuilding(input: { id: $id, address: "文家路9号甲" }) { id } }`, {
      id: fixture.buildingId,
    });
    await hub.query(
      `mutation ($id: ID!, $g: ID!) { moveBuildings(input: { buildingIds: [$id], toGridId: $g }) { id } }`,
      {
        id: fixture.buildingId,
        g: d.grids[2].id,
      },
    );
    const data = await hub.query(
      `query ($id: ID!) { building(id: $id) { changes { nodes { entityType action fields changedBy } } } }`,
      { id: fixture.buildingId },
    );
    expect(data.building.changes.nodes).toEqual([
      { entityType: 'BUILDING', action: 'CREATED', fields: ['code', 'address', 'grid'], changedBy: 'test-admin' },
      { entityType: 'BUILDING', action: 'UPDATED', fields: ['address'], changedBy: 'test-admin' },
      { entityType: 'BUILDING', action: 'MOVED', fields: ['grid'], changedBy: 'test-admin' },
    ]);
    const resident = await hub.query(`query ($id: ID!) { resident(id: $id) { grid { id } } }`, {
      id: d.residents[0].id,
    });
    expect(resident.resident.grid.id).toBe(d.grids[0].id);
  });
});

describe('batching residents and households', () => {
  const batch = { communityId: '' };

  beforeAll(async () => {
    const street = await hub.query(`mutation { createStreet(input: { code: "370783098", name: "批量街道" }) { id } }`);
    const community = await hub.query(
      `mutation ($s: ID!) { createCommunity(input: { streetId: $s, code: "370783098001", name: "批量社区" }) { id } }`,
      { s: street.createStreet.id },
    );
    batch.communityId = community.createCommunity.id;
    let n = 0;
    for (let g = 1; g <= 5; g += 1) {
      const grid = await hub.query(
        `mutation ($c: ID!, $code: String!) { createGrid(input: { communityId: $c, code: $code, name: $code, kind: RESIDENTIAL }) { id } }`,
        { c: batch.communityId, code: `370783098001${String(g).padStart(3, '0')}` },
      );
      const building = await hub.query(
        `mutation ($g: ID!, $code: String!) { createBuilding(input: { gridId: $g, code: $code, address: "批量路" }) { id } }`,
        {
          g: grid.createGrid.id,
          code: `370783098001${String(g).padStart(3, '0')}B1`,
        },
      );
      for (let h = 1; h <= 10; h += 1) {
        const household = await hub.query(CREATE_HOUSEHOLD_ID, {
          input: { buildingId: building.createBuilding.id, unit: '1', room: String(100 + h), tenure: 'OWNER_OCCUPIED' },
        });
        n += 1;
        await hub.query(`mutation ($input: CreateResidentInput!) { createResident(input: $input) { id } }`, {
          input: {
            householdId: household.createHousehold.id,
            name: `居民${n}`,
            idNumber: makeNationalId('370783', '1970-01-01', 200 + n),
            phone: `1380000${String(n).padStart(4, '0')}`,
            relationToHead: 'HEAD',
            residenceType: 'REGISTERED',
          },
        });
      }
    }
  });
  const CREATE_HOUSEHOLD_ID = `mutation ($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`;

  async function statementsFor(query: string, first: number) {
    const before = hub.sql('grid');
    const data = await hub.query(query, { c: batch.communityId, first });
    return { data, statements: hub.sql('grid') - before };
  }

  it('resolves 50 residents with household, building, grid and change log in as many statements as 5', async () => {
    const query = `query ($c: ID!, $first: Int!) { residents(communityId: $c, first: $first) { nodes {
      name idNumber phone age careTags household { room building { code } } grid { code community { name } } changes { nodes { action } }
    } } }`;
    const five = await statementsFor(query, 5);
    const fifty = await statementsFor(query, 50);
    expect(five.data.residents.nodes).toHaveLength(5);
    expect(fifty.data.residents.nodes).toHaveLength(50);
    expect(fifty.data.residents.nodes[49]).toEqual({
      name: '居民50',
      idNumber: maskIdNumber(makeNationalId('370783', '1970-01-01', 250)),
      phone: '138****0050',
      age: expect.any(Number),
      careTags: [],
      household: { room: '110', building: { code: '370783098001005B1' } },
      grid: { code: '370783098001005', community: { name: '批量社区' } },
      changes: { nodes: [{ action: 'CREATED' }] },
    });
    expect(fifty.statements).toBe(five.statements);
    // page, households, buildings, grids, communities, change logs (page + count-free).
    expect(fifty.statements).toBe(6);
  });

  it("counts a list's total in its page's statement when totalCount is selected, also from a fragment", async () => {
    const nodesOnly = `query ($c: ID!, $first: Int!) { residents(communityId: $c, first: $first) { nodes { id } } }`;
    const withTotal = `query ($c: ID!, $first: Int!) { residents(communityId: $c, first: $first) { ...total nodes { id } pageInfo { endCursor } } }
      fragment total on ResidentConnection { totalCount }`;
    const plain = await statementsFor(nodesOnly, 5);
    const counted = await statementsFor(withTotal, 5);
    expect(counted.statements).toBe(plain.statements);
    expect(counted.data.residents.totalCount).toBe(50);
    expect(counted.data.residents.nodes.map((r: { id: string }) => r.id)).toEqual(
      plain.data.residents.nodes.map((r: { id: string }) => r.id),
    );
    const before = hub.sql('grid');
    const later = await hub.query(
      `query ($c: ID!, $a: String!) { residents(communityId: $c, first: 100, after: $a) { totalCount nodes { id } } }`,
      { c: batch.communityId, a: counted.data.residents.pageInfo.endCursor },
    );
    expect(later.residents).toMatchObject({ totalCount: 50 });
    expect(later.residents.nodes).toHaveLength(45);
    expect(hub.sql('grid') - before).toBe(1);
    const beyond = await hub.query(
      `query ($c: ID!, $a: String!) { residents(communityId: $c, first: 5, after: $a) { totalCount nodes { id } } }`,
      { c: batch.communityId, a: encodeCursor(later.residents.nodes[44].id) },
    );
    expect(beyond.residents).toEqual({ totalCount: 50, nodes: [] });
    // The batch's residents carry no care tags: an empty first page, counted 0 in its one statement.
    const emptyBefore = hub.sql('grid');
    const none = await hub.query(
      `query ($c: ID!) { residents(communityId: $c, careTags: [OVER_80], first: 5) { totalCount nodes { id } } }`,
      { c: batch.communityId },
    );
    expect(none.residents).toEqual({ totalCount: 0, nodes: [] });
    expect(hub.sql('grid') - emptyBefore).toBe(1);
  });

  it('resolves 50 households with their residents in as many statements as 5', async () => {
    const query = `query ($c: ID!, $first: Int!) { households(communityId: $c, first: $first) { nodes {
      room building { code } residents(first: 5) { totalCount nodes { name household { id } } }
    } } }`;
    const five = await statementsFor(query, 5);
    const fifty = await statementsFor(query, 50);
    expect(fifty.data.households.nodes).toHaveLength(50);
    expect(
      fifty.data.households.nodes.every((h: any) => h.residents.totalCount === 1 && h.residents.nodes.length === 1),
    ).toBe(true);
    expect(fifty.statements).toBe(five.statements);
  });
});
