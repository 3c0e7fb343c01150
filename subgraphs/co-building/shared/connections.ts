import { ObjectType } from 'type-graphql';
import { Connection } from '../../../lib/pagination';
import { Demand } from '../project/demand.entity';
import { Evaluation } from '../evaluation/evaluation.entity';
import { MemberReport } from '../member-report/member-report.entity';
import { Pairing } from '../unit/pairing.entity';
import { Pledge } from '../member-report/pledge.entity';
import { Project } from '../project/project.entity';
import { Resource } from '../project/resource.entity';
import { ServiceCategory } from '../service-post/service-category.entity';
import { ServicePost } from '../service-post/service-post.entity';
import { Unit } from '../unit/unit.entity';
import { Wish } from '../wish/wish.entity';

/** One page type per list of the co-building subgraph (Relay connections). */
@ObjectType()
export class UnitConnection extends Connection(Unit) {}
@ObjectType()
export class PairingConnection extends Connection(Pairing) {}
@ObjectType()
export class MemberReportConnection extends Connection(MemberReport) {}
@ObjectType()
export class ServiceCategoryConnection extends Connection(ServiceCategory) {}
@ObjectType()
export class ServicePostConnection extends Connection(ServicePost) {}
@ObjectType()
export class PledgeConnection extends Connection(Pledge) {}
@ObjectType()
export class WishConnection extends Connection(Wish) {}
@ObjectType()
export class DemandConnection extends Connection(Demand) {}
@ObjectType()
export class ResourceConnection extends Connection(Resource) {}
@ObjectType()
export class ProjectConnection extends Connection(Project) {}
@ObjectType()
export class EvaluationConnection extends Connection(Evaluation) {}
