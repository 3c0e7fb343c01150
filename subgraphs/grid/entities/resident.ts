import { Entity, OptionalProps, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CareTag, Gender, RelationToHead, ResidenceType } from './enums';
import { Household } from './household';

/**
 * 居民（实有人口）. idNumber and phone are personal information: the GraphQL fields of the same
 * names are resolved by ResidentResolver through the masking rule, never from these columns directly.
 */
@ObjectType({ description: '居民（实有人口）' })
@Directive('@key(fields: "id")')
@Entity()
export class Resident {
  [OptionalProps]?: 'phone' | 'careTags' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '姓名' })
  @Property({ length: 50 })
  name!: string;

  @Field(() => Gender)
  @Enum({ items: () => Gender })
  gender!: Gender;

  @Field(() => String, { description: '出生日期 (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  birthDate!: string;

  @Property({ length: 18 })
  @Unique()
  idNumber!: string;

  @Property({ length: 11, nullable: true })
  phone: string | null = null;

  @Index()
  @ManyToOne(() => Household)
  household!: Household;

  @Field(() => RelationToHead)
  @Enum({ items: () => RelationToHead })
  relationToHead!: RelationToHead;

  @Field(() => ResidenceType)
  @Index()
  @Enum({ items: () => ResidenceType })
  residenceType!: ResidenceType;

  @Index({ type: 'gin' })
  @Enum({ items: () => CareTag, array: true })
  careTags: CareTag[] = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
