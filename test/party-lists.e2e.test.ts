import { expectListFiltered, idsWhereIn, type ListCase } from './support/root-lists';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

const sql = <T>(text: string, values: unknown[] = []) =>
  hub.hub.subgraphs['party-building'].database.orm.em.getConnection().execute<T[]>(text, values);
const idsWhere = (table: string, where: string, values: unknown[] = []) =>
  idsWhereIn(hub, 'party-building', 'party_building')(table, where, values);
/** The most common value of a column, so that its filter keeps some rows and leaves others out. */
const commonest = async (table: string, column: string) =>
  (
    await sql<{ value: unknown }>(
      `select ${column} as value from party_building.${table} where ${column} is not null group by 1 order by count(*) desc limit 1`,
    )
  )[0].value;

const expectFiltered = (
  list: string,
  table: string,
  cases: Array<[string, Record<string, unknown>, string, unknown[]]>,
) =>
  expectListFiltered(
    hub,
    list,
    idsWhere,
    cases.map(([declared, filter, where, values]): ListCase => [declared, filter, table, where, values]),
  );

describe("the Party department's root lists", () => {
  it('narrows members by kind, organisation, home grid and shown identity: the rows of the database, in id order, with their total', async () => {
    const [kind, organization, grid] = [
      await commonest('party_member', 'kind'),
      await commonest('party_member', 'organization_id'),
      await commonest('party_member', 'home_grid_id'),
    ];
    await expectFiltered('partyMembers', 'party_member', [
      ['$kind: PartyMemberKind', { kind }, 'kind = ?', [kind]],
      ['$organizationId: ID', { organizationId: organization }, 'organization_id = ?', [organization]],
      ['$gridId: ID', { gridId: grid }, 'home_grid_id = ?', [grid]],
      ['$gridId: ID, $kind: PartyMemberKind', { gridId: grid, kind }, 'home_grid_id = ? and kind = ?', [grid, kind]],
      ['$showsIdentityPublicly: Boolean', { showsIdentityPublicly: true }, 'shows_identity_publicly', []],
    ]);
  });

  it('narrows organisations by level, parent, street, community, grid covered and status', async () => {
    const [level, parent, community, grid] = [
      await commonest('party_organization', 'level'),
      await commonest('party_organization', 'parent_id'),
      await commonest('party_organization', 'community_id'),
      await commonest('party_organization', 'grid_ids[1]'),
    ];
    const street = await commonest('party_organization', 'street_id');
    // One organisation dissolved (a leaf, written directly), so the status filter leaves some out.
    const [leaf] = await idsWhere(
      'party_organization',
      'not exists (select 1 from party_building.party_organization c where c.parent_id = t.id)',
    );
    await sql(`update party_building.party_organization set status = 'DISSOLVED', dissolved_at = now() where id = ?`, [
      leaf,
    ]);
    await expectFiltered('partyOrganizations', 'party_organization', [
      ['$level: OrganizationLevel', { level }, 'level = ?', [level]],
      ['$parentId: ID', { parentId: parent }, 'parent_id = ?', [parent]],
      ['$communityId: ID', { communityId: community }, 'community_id = ?', [community]],
      ['$gridId: ID', { gridId: grid }, '? = any(grid_ids)', [grid]],
      ['$streetId: ID', { streetId: street }, 'street_id = ?', [street]],
      ['$status: OrganizationStatus', { status: 'ACTIVE' }, `status = 'ACTIVE'`, []],
    ]);
  });

  it('refuses an organisation, grid or place that is not an id, naming the argument', async () => {
    const lists: Array<[string, string]> = [
      ['partyMembers', 'organizationId'],
      ['partyMembers', 'gridId'],
      ['partyOrganizations', 'parentId'],
      ['partyOrganizations', 'streetId'],
      ['partyOrganizations', 'communityId'],
      ['partyOrganizations', 'gridId'],
    ];
    for (const [list, field] of lists) {
      const error = await hub.fail(`query ($v: ID) { ${list}(${field}: $v) { totalCount } }`, { v: 'not-an-id' });
      expect([list, error.extensions?.code, error.extensions?.field, error.message]).toEqual([
        list,
        'BAD_USER_INPUT',
        field,
        `${field} is not an id`,
      ]);
    }
  });
});
