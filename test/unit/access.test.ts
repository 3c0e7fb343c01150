import { inTerritory, requireRole } from '../../lib/auth/access';
import { viewerOf } from './viewers';

const territory = { streetIds: ['s1'], communityIds: ['c1'], gridIds: ['g1', 'g2'] };

describe('territory of a caller', () => {
  it('places a record by its most specific key', () => {
    const worker = viewerOf('GRID_WORKER', { claims: { workerId: 'w1' }, territory });
    expect(inTerritory(worker, { gridId: 'g2', communityId: 'c1' })).toBe(true);
    // A grid of the worker's community that is not theirs: the grid decides, not the community.
    expect(inTerritory(worker, { gridId: 'g9', communityId: 'c1' })).toBe(false);
    expect(inTerritory(worker, { communityId: 'c1' })).toBe(true);
    expect(inTerritory(worker, { communityId: 'c2', streetId: 's1' })).toBe(false);
    expect(inTerritory(worker, {})).toBe(false);
  });

  it('lets district-wide roles see everywhere and roles without a territory nowhere', () => {
    expect(inTerritory(viewerOf('ANALYST'), { gridId: 'g9' })).toBe(true);
    expect(inTerritory(viewerOf('SERVICE'), { gridId: 'g9' })).toBe(true);
    expect(inTerritory(viewerOf('DEPARTMENT', { claims: { department: '民政' } }), { gridId: 'g1' })).toBe(false);
    expect(inTerritory(viewerOf('ANONYMOUS'), { gridId: 'g1' })).toBe(false);
  });
});

describe('role checks', () => {
  it('asks an anonymous caller to sign in and tells a signed-in one which roles may', () => {
    expect(() => requireRole(viewerOf('ANONYMOUS'), ['CITY_ADMIN'], 'creating a grid')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED', field: 'authorization' }),
    );
    expect(() => requireRole(viewerOf('ANALYST'), ['CITY_ADMIN', 'STREET_STAFF'], 'creating a grid')).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: 'creating a grid is for CITY_ADMIN, STREET_STAFF; the caller is ANALYST',
      }),
    );
    expect(() => requireRole(viewerOf('CITY_ADMIN'), ['CITY_ADMIN'], 'creating a grid')).not.toThrow();
  });
});
