import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { HandlingLevel, ItemList } from './item.entity';
import { AttributeType } from '../shared/enums';

@InputType({ description: '受理要素定义' })
export class AttributeDefinitionInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => AttributeType) type!: AttributeType;
  @Field({ defaultValue: false }) required!: boolean;
  @Field(() => [String], { defaultValue: [] }) allowedValues!: string[];
}

@InputType({ description: '报件时填写的要素值' })
export class AttributeValueInput {
  @Field() name!: string;
  @Field() value!: string;
}

@InputType({ description: '新建事项（版本 1）' })
export class CreateServiceItemInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field() category!: string;
  @Field({ description: '责任部门' }) department!: string;
  @Field(() => HandlingLevel) level!: HandlingLevel;
  @Field(() => Int, { description: '办理时限（小时）' }) timeLimitHours!: number;
  @Field({ defaultValue: false }) homeService!: boolean;
  @Field(() => [ItemList]) lists!: ItemList[];
  @Field(() => [AttributeDefinitionInput], { defaultValue: [] }) attributes!: AttributeDefinitionInput[];
}

@InputType({ description: '修改事项：生成新版本，已受理的工单仍按原版本；省略的字段不变' })
export class UpdateServiceItemInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '所见的当前版本号' }) expectedVersion!: number;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) category?: string;
  @Field({ nullable: true }) department?: string;
  @Field(() => HandlingLevel, { nullable: true }) level?: HandlingLevel;
  @Field(() => Int, { nullable: true }) timeLimitHours?: number;
  @Field({ nullable: true }) homeService?: boolean;
  @Field(() => [ItemList], { nullable: true }) lists?: ItemList[];
  @Field(() => [AttributeDefinitionInput], { nullable: true }) attributes?: AttributeDefinitionInput[];
}

@ArgsType()
export class ServiceItemFilter extends PageArgs {
  @Field(() => ItemList, { nullable: true }) list?: ItemList;
  @Field(() => String, { nullable: true }) category?: string;
  @Field(() => String, { nullable: true, description: '责任部门' }) department?: string;
}
