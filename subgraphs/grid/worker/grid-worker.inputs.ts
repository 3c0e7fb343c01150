import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { WorkerKind } from '../shared/enums';

@InputType({ description: '新建网格员。phone 为本人手机（脱敏），publicContact 为公示的工作电话' })
export class CreateGridWorkerInput {
  @Field({ description: '姓名' }) name!: string;
  @Field(() => WorkerKind) kind!: WorkerKind;
  @Field(() => String, { nullable: true, description: '派驻部门（协管员必填）' }) department?: string;
  @Field({ description: '本人手机号' }) phone!: string;
  @Field(() => String, { nullable: true, description: '公示联系方式（座机、工作手机或服务热线）' })
  publicContact?: string;
}

@InputType({ description: '修改网格员；省略的字段不变，publicContact/department 传 null 清除' })
export class UpdateGridWorkerInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => WorkerKind, { nullable: true }) kind?: WorkerKind;
  @Field(() => String, { nullable: true }) department?: string | null;
  @Field({ nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) publicContact?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'false：离岗（须先解除全部网格配置）' }) active?: boolean;
}

@ArgsType()
export class GridWorkerFilter extends PageArgs {
  @Field(() => WorkerKind, { nullable: true }) kind?: WorkerKind;
  @Field(() => ID, { nullable: true, description: '当前在该网格任职的' }) gridId?: string;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
}
