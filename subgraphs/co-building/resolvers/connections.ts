import { ObjectType } from 'type-graphql';
import { Connection } from '../../../lib/pagination';
import {
  Demand, Evaluation, MemberReport, Pairing, Pledge, Project, Resource, ServiceCategory, ServicePost, Unit, Wish,
} from '../entities';

/** One page type per list of the co-building subgraph (Relay connections). */
@ObjectType() export class UnitConnection extends Connection(Unit) {}
@ObjectType() export class PairingConnection extends Connection(Pairing) {}
@ObjectType() export class MemberReportConnection extends Connection(MemberReport) {}
@ObjectType() export class ServiceCategoryConnection extends Connection(ServiceCategory) {}
@ObjectType() export class ServicePostConnection extends Connection(ServicePost) {}
@ObjectType() export class PledgeConnection extends Connection(Pledge) {}
@ObjectType() export class WishConnection extends Connection(Wish) {}
@ObjectType() export class DemandConnection extends Connection(Demand) {}
@ObjectType() export class ResourceConnection extends Connection(Resource) {}
@ObjectType() export class ProjectConnection extends Connection(Project) {}
@ObjectType() export class EvaluationConnection extends Connection(Evaluation) {}
