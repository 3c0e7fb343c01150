import { domainErrorOf } from './expect-domain-error';
import {
  checkDissolvable,
  checkMovable,
  checkSplitParts,
  placeInParts,
} from '../../subgraphs/party-building/organization/reorganisation.rules';

describe('reorganising the tree', () => {
  it('dissolves only an organisation in being with nothing left under it', () => {
    expect(() => checkDissolvable({ name: '支部', status: 'ACTIVE' }, 0, 0)).not.toThrow();
    expect(domainErrorOf(() => checkDissolvable({ name: '支部', status: 'ACTIVE' }, 2, 0)).message).toBe(
      '支部 still has 2 active organisation(s) under it; move or dissolve them first',
    );
    expect(domainErrorOf(() => checkDissolvable({ name: '支部', status: 'ACTIVE' }, 0, 3)).message).toBe(
      '支部 still holds 3 member(s); transfer them first',
    );
    expect(domainErrorOf(() => checkDissolvable({ name: '支部', status: 'DISSOLVED' }, 0, 0)).field).toBe('input.id');
  });

  it('moves an organisation in being to another parent in being', () => {
    expect(() =>
      checkMovable({ id: 'o', status: 'ACTIVE', parentId: 'p1' }, { id: 'p2', status: 'ACTIVE', name: 'p2' }),
    ).not.toThrow();
    expect(
      domainErrorOf(() =>
        checkMovable({ id: 'o', status: 'ACTIVE', parentId: 'p1' }, { id: 'p1', status: 'ACTIVE', name: 'p1' }),
      ).field,
    ).toBe('input.parentId');
    expect(
      domainErrorOf(() =>
        checkMovable({ id: 'o', status: 'ACTIVE', parentId: 'p1' }, { id: 'p2', status: 'DISSOLVED', name: '旧' }),
      ).message,
    ).toBe('旧 is dissolved');
  });

  it('splits into at least two parts with each grid in one part', () => {
    expect(
      checkSplitParts([
        { name: ' 甲 ', gridIds: ['g1'] },
        { name: '乙', gridIds: ['g2'] },
      ]).map((p) => p.name),
    ).toEqual(['甲', '乙']);
    expect(domainErrorOf(() => checkSplitParts([{ name: '甲', gridIds: ['g1'] }])).message).toBe(
      'a split makes at least two branches',
    );
    expect(
      domainErrorOf(() =>
        checkSplitParts([
          { name: '甲', gridIds: ['g1'] },
          { name: '乙', gridIds: ['g1'] },
        ]),
      ).field,
    ).toBe('input.parts[1].gridIds');
    expect(
      domainErrorOf(() =>
        checkSplitParts([
          { name: '甲', gridIds: ['g1'] },
          { name: '乙', gridIds: [] },
        ]),
      ).field,
    ).toBe('input.parts[1].gridIds');
  });

  const parts = [
    { name: '甲', gridIds: ['g1'], memberIds: ['m3'] },
    { name: '乙', gridIds: ['g2', 'g3'] },
  ];

  it('places groups and members by their grid unless listed', () => {
    const placement = placeInParts(
      [
        { id: 'm1', gridIds: ['g1'] },
        { id: 'm2', gridIds: ['g3'] },
        { id: 'm3', gridIds: [] },
        { id: 'm4', gridIds: ['g2', 'g3'] },
      ],
      parts,
      (p) => p.memberIds,
      'member',
    );
    expect(Object.fromEntries(placement)).toEqual({ m1: 0, m2: 1, m3: 0, m4: 1 });
  });

  it('refuses what no part or several parts would take, and what is listed twice or does not belong', () => {
    expect(
      domainErrorOf(() => placeInParts([{ id: 'm5', gridIds: [] }], parts, (p) => p.memberIds, 'member')).message,
    ).toBe('member m3 is not under the branch being split');
    expect(
      domainErrorOf(() =>
        placeInParts(
          [
            { id: 'm3', gridIds: [] },
            { id: 'm5', gridIds: ['g9'] },
          ],
          parts,
          (p) => p.memberIds,
          'member',
        ),
      ).message,
    ).toBe('member m5 cannot be placed by its grid; list it in one part explicitly');
    expect(
      domainErrorOf(() => placeInParts([{ id: 'x', gridIds: ['g1', 'g2'] }], parts, () => [], 'building group')).field,
    ).toBe('input.parts');
    expect(
      domainErrorOf(() =>
        placeInParts(
          [{ id: 'x', gridIds: ['g1'] }],
          [
            { name: 'a', gridIds: ['g1'], childIds: ['x'] },
            { name: 'b', gridIds: ['g2'], childIds: ['x'] },
          ],
          (p) => p.childIds,
          'building group',
        ),
      ).field,
    ).toBe('input.parts[1]');
  });
});
