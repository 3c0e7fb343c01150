import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: '新建街道' })
export class CreateStreetInput {
  @Field() code!: string;
  @Field() name!: string;
}

@InputType({ description: '修改街道；省略的字段不变' })
export class UpdateStreetInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
}
