import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OrganizationLevel, OrganizationStatus } from '../shared/enums';

/**
 * 党组织. The grid subgraph's entities it covers are held by key: a street working committee a
 * street, a community committee a community, a grid branch one or more grids, a building group one
 * or more buildings, a central household a household. Below its own level, `streetId` and
 * `communityId` are inherited from the chain above, so "everything in community X" is one
 * indexed filter; moving an organisation rewrites them for its whole subtree.
 * Columns that rows written before this schema lacked carry database defaults.
 */
@ObjectType({ description: '党组织（五级组织链中的一级）' })
@Directive('@key(fields: "id")')
@Entity()
export class PartyOrganization {
  [OptionalProps]?:
    | 'parent'
    | 'status'
    | 'streetId'
    | 'communityId'
    | 'gridIds'
    | 'buildingIds'
    | 'householdId'
    | 'createdAt'
    | 'dissolvedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '组织名称' })
  @Property({ length: 100 })
  name!: string;

  @Field(() => OrganizationLevel, { description: '层级' })
  @Index()
  @Enum({ items: () => OrganizationLevel })
  level!: OrganizationLevel;

  @Field(() => OrganizationStatus, { description: '状态' })
  @Enum({ items: () => OrganizationStatus, default: OrganizationStatus.ACTIVE })
  status: OrganizationStatus = OrganizationStatus.ACTIVE;

  @Index()
  @ManyToOne(() => PartyOrganization, { nullable: true })
  parent: PartyOrganization | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  streetId: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  communityId: string | null = null;

  @Index({ type: 'gin' })
  @Property({ type: 'uuid[]', defaultRaw: `'{}'` })
  gridIds: string[] = [];

  @Index({ type: 'gin' })
  @Property({ type: 'uuid[]', defaultRaw: `'{}'` })
  buildingIds: string[] = [];

  @Index()
  @Property({ type: 'uuid', nullable: true })
  householdId: string | null = null;

  @Field(() => Date, { description: '成立（录入）时间' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: '撤销时间' })
  @Property({ type: 'timestamptz', nullable: true })
  dissolvedAt: Date | null = null;
}
