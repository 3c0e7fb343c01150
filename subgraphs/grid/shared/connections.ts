import { ObjectType } from 'type-graphql';
import { Connection } from '../../../lib/pagination';
import { Building } from '../grid/building.entity';
import { Community } from '../community/community.entity';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../worker/grid-worker.entity';
import { Household } from '../household/household.entity';
import { RecordChange } from '../record-change/record-change.entity';
import { Resident } from '../resident/resident.entity';
import { Street } from '../street/street.entity';
import { Visit } from '../visit/visit.entity';

/** One page type per list of the grid subgraph (Relay connections). */
@ObjectType()
export class StreetConnection extends Connection(Street) {}
@ObjectType()
export class CommunityConnection extends Connection(Community) {}
@ObjectType()
export class GridConnection extends Connection(Grid) {}
@ObjectType()
export class BuildingConnection extends Connection(Building) {}
@ObjectType()
export class HouseholdConnection extends Connection(Household) {}
@ObjectType()
export class ResidentConnection extends Connection(Resident) {}
@ObjectType()
export class GridWorkerConnection extends Connection(GridWorker) {}
@ObjectType()
export class VisitConnection extends Connection(Visit) {}
@ObjectType()
export class RecordChangeConnection extends Connection(RecordChange) {}
