import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A rule's value the district sets for itself (one service serves one district). */
@Entity()
export class DistrictSetting {
  @PrimaryKey({ length: 50 })
  key!: string;

  @Property({ type: 'integer' })
  value!: number;
}
