import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { STANDARD_HOUSEHOLDS } from './grid-size.rules';
import { GridKind, GridStatus } from '../shared/enums';

@InputType({ description: '新建网格' })
export class CreateGridInput {
  @Field(() => ID) communityId!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => GridKind) kind!: GridKind;
}

@InputType({ description: '修改网格；省略的字段不变' })
export class UpdateGridInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => GridKind, { nullable: true }) kind?: GridKind;
}

@InputType({ description: '拆分后的一个新网格及其楼栋' })
export class SplitPartInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => GridKind, { nullable: true, description: '省略时沿用原网格分类' }) kind?: GridKind;
  @Field(() => [ID]) buildingIds!: string[];
}

@InputType({ description: '拆分网格：原网格撤销，每栋楼归入一个新网格' })
export class SplitGridInput {
  @Field(() => ID) gridId!: string;
  @Field(() => [SplitPartInput]) parts!: SplitPartInput[];
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '合并后的新网格' })
export class NewGridInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => GridKind, { nullable: true }) kind?: GridKind;
}

@InputType({ description: '合并网格：同一社区的若干网格并为一个新网格，原网格撤销' })
export class MergeGridsInput {
  @Field(() => [ID]) gridIds!: string[];
  @Field(() => NewGridInput) into!: NewGridInput;
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '撤销网格（须先移走全部楼栋）' })
export class RetireGridInput {
  @Field(() => ID) gridId!: string;
  @Field({ nullable: true }) note?: string;
}

@ArgsType()
export class GridFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => GridKind, { nullable: true }) kind?: GridKind;
  @Field(() => GridStatus, { nullable: true }) status?: GridStatus;
  @Field(() => Boolean, {
    nullable: true,
    description: `true: 户数不在 ${STANDARD_HOUSEHOLDS.min}–${STANDARD_HOUSEHOLDS.max} 标准区间的网格; false: 区间内的`,
  })
  outsideStandardBand?: boolean;
}
