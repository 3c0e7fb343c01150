import { Field, ObjectType } from 'type-graphql';
import { AttributeType } from '../shared/enums';

@ObjectType({ description: '受理要素定义（类似 Open311 service definition 的 attribute）' })
export class AttributeDefinition {
  @Field({ description: '要素名（报件时按此名填写）' })
  name!: string;

  @Field(() => String, { nullable: true, description: '说明' })
  description?: string | null;

  @Field(() => AttributeType)
  type!: AttributeType;

  @Field({ description: '是否必填' })
  required!: boolean;

  @Field(() => [String], { description: '可选值（仅 ENUM）' })
  allowedValues!: string[];
}

@ObjectType({ description: '报件时填写的要素值' })
export class AttributeValue {
  @Field() name!: string;
  @Field({ description: '值（按定义的类型书写：数字、true/false、YYYY-MM-DD、枚举值）' }) value!: string;
}
