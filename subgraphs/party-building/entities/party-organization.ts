import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum OrganizationLevel {
  STREET_WORKING_COMMITTEE = 'STREET_WORKING_COMMITTEE',
  COMMUNITY_COMMITTEE = 'COMMUNITY_COMMITTEE',
  GRID_BRANCH = 'GRID_BRANCH',
  BUILDING_GROUP = 'BUILDING_GROUP',
  CENTRAL_HOUSEHOLD = 'CENTRAL_HOUSEHOLD',
}
registerEnumType(OrganizationLevel, {
  name: 'OrganizationLevel',
  description: '五级组织链：街道党工委 → 社区党委/党总支 → 网格党支部 → 楼栋党小组 → 党员中心户',
});

/**
 * 党组织. The grid subgraph's entities it covers are held by key: a street working committee a
 * street, a community committee a community, a grid branch one or more grids.
 */
@ObjectType({ description: '党组织' })
@Directive('@key(fields: "id")')
@Entity()
export class PartyOrganization {
  [OptionalProps]?: 'parent' | 'streetId' | 'communityId' | 'gridIds' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '组织名称' })
  @Property({ length: 100 })
  name!: string;

  @Field(() => OrganizationLevel)
  @Enum({ items: () => OrganizationLevel })
  level!: OrganizationLevel;

  @Index()
  @ManyToOne(() => PartyOrganization, { nullable: true })
  parent: PartyOrganization | null = null;

  @Property({ type: 'uuid', nullable: true })
  streetId: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  communityId: string | null = null;

  @Index({ type: 'gin' })
  @Property({ type: 'uuid[]' })
  gridIds: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
