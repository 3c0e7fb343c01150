import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';

@InputType({ description: '新建服务岗位类别（大类，或某大类下的小类）' })
export class CreateServiceCategoryInput {
  @Field() name!: string;
  @Field(() => ID, { nullable: true, description: '所属大类；省略时新建大类' }) parentId?: string;
}

@InputType({ description: '社区设置为民服务岗位' })
export class CreateServicePostInput {
  @Field(() => ID, { description: '社区（网格子图的 Community）' }) communityId!: string;
  @Field(() => ID, { description: '岗位类别（大类或小类）' }) categoryId!: string;
  @Field() name!: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => Int, { nullable: true, description: '可认领人数；省略为不限' }) capacity?: number;
}

@ArgsType()
export class CategoryFilter extends PageArgs {
  @Field(() => ID, { nullable: true, description: '大类 id；省略时列出大类' }) parentId?: string;
}
