import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum UnitKind {
  PARTY_GOV_ORGAN = 'PARTY_GOV_ORGAN',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  SOE = 'SOE',
  FINANCIAL = 'FINANCIAL',
  SCHOOL = 'SCHOOL',
  HOSPITAL = 'HOSPITAL',
  NON_PUBLIC_ENTERPRISE = 'NON_PUBLIC_ENTERPRISE',
  SOCIAL_ORGANIZATION = 'SOCIAL_ORGANIZATION',
}
registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: '共建单位类别：机关、事业单位、国有企业、金融机构、学校、医院、非公企业、社会组织',
});

@ObjectType({ description: '共建单位' })
@Directive('@key(fields: "id")')
@Entity()
export class Unit {
  [OptionalProps]?: 'partyOrganizationId' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '统一社会信用代码或机构代码' })
  @Property({ length: 32 })
  @Unique()
  code!: string;

  @Field({ description: '单位名称' })
  @Property({ length: 200 })
  name!: string;

  @Field(() => UnitKind)
  @Enum({ items: () => UnitKind })
  kind!: UnitKind;

  /** 单位党组织, a party-building PartyOrganization by key (a unit may have none). */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  partyOrganizationId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
