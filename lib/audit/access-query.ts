import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  Directive,
  Field,
  ID,
  Info,
  InputType,
  ObjectType,
  Query,
  Resolver,
  type ClassType,
} from 'type-graphql';
import { requireRole } from '../auth/access';
import { checkIdArguments } from '../ids';
import { Connection, paginate, PageArgs } from '../pagination';
import { equalTo } from '../sql-rows';
import type { Viewer } from '../viewer';
import { PersonalDataAccess } from './personal-data-access';

@ObjectType()
@Directive('@shareable')
export class PersonalDataAccessConnection extends Connection(PersonalDataAccess, 'PersonalDataAccess', {
  shareable: true,
}) {}

@InputType({ description: '访问记录的筛选条件' })
export class PersonalDataAccessFilter {
  @Field(() => String, { nullable: true, description: '访问者' }) actor?: string;
  @Field(() => ID, { nullable: true, description: '被访问的记录' }) recordId?: string;
  @Field(() => String, { nullable: true, description: 'GRANTED 或 REFUSED' }) outcome?: string;
  @Field(() => Date, { nullable: true, description: '从（含）' }) from?: Date;
  @Field(() => Date, { nullable: true, description: '到（不含）' }) to?: Date;
}

/** Who may read the access records. */
export const AUDIT_READERS = ['AUDITOR', 'CITY_ADMIN'] as const;

/**
 * The auditor's query over one department's access records. Each department that holds
 * personal data adds it under its own name (gridPersonalDataAccesses, ...), because each keeps
 * its own records in its own database.
 */
export function accessRecordsResolver(queryName: string, department: string): ClassType {
  @Resolver()
  class AccessRecordsResolver {
    @Query(() => PersonalDataAccessConnection, {
      name: queryName,
      description: `${department}的个人信息访问记录（审计员、市级管理员）`,
    })
    async accessRecords(
      @Arg('filter', () => PersonalDataAccessFilter, { nullable: true }) filter: PersonalDataAccessFilter | null,
      @Args() page: PageArgs,
      @Ctx() ctx: { em: EntityManager; viewer: Viewer },
      @Info() info: GraphQLResolveInfo,
    ): Promise<PersonalDataAccessConnection> {
      requireRole(ctx.viewer, AUDIT_READERS, 'reading personal data access records');
      checkIdArguments({ 'filter.recordId': filter?.recordId });
      return new PersonalDataAccessConnection(
        await paginate(
          ctx.em,
          PersonalDataAccess,
          (parameter) => [
            ...equalTo(parameter, { actor: filter?.actor, record_id: filter?.recordId, outcome: filter?.outcome }),
            ...(filter?.from ? [`"at" >= ${parameter(filter.from)}`] : []),
            ...(filter?.to ? [`"at" < ${parameter(filter.to)}`] : []),
          ],
          page,
          info,
        ),
      );
    }
  }
  return AccessRecordsResolver;
}
