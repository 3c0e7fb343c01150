import { PersonalDataAccess } from '../../../lib/audit/personal-data-access';
import { Building } from './building';
import { BuildingGridPeriod } from './building-grid-period';
import { Community } from './community';
import { Grid } from './grid';
import { GridAssignment } from './grid-assignment';
import { GridChange } from './grid-change';
import { GridWorker } from './grid-worker';
import { Household } from './household';
import { RecordChange } from './record-change';
import { Resident } from './resident';
import { Street } from './street';
import { Visit } from './visit';

export { Building, BuildingGridPeriod, Community, Grid, GridAssignment, GridChange, GridWorker, Household, RecordChange, Resident, Street, Visit };
export * from './enums';

export const GRID_ENTITIES = [
  PersonalDataAccess,
  Street, Community, Grid, Building, BuildingGridPeriod, Household, Resident,
  GridWorker, GridAssignment, Visit, GridChange, RecordChange,
];
