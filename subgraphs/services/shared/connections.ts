import { ObjectType } from 'type-graphql';
import { Connection } from '../../../lib/pagination';
import { AdmissionRequest } from '../admission/admission-request.entity';
import { ServiceCase } from '../case/case.entity';
import { ServiceItem } from '../item/item.entity';

/** One page type per list of the services subgraph (Relay connections). */
@ObjectType()
export class ServiceItemConnection extends Connection(ServiceItem) {}
@ObjectType()
export class AdmissionRequestConnection extends Connection(AdmissionRequest) {}
@ObjectType()
export class CaseConnection extends Connection(ServiceCase, 'Case') {}
