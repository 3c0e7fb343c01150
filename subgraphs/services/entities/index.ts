import { AdmissionRequest } from '../admission/admission-request.entity';
import { CaseEvent } from './case-event';
import { CaseExtension } from './case-extension';
import { CaseIndicatorMonth } from './case-indicator-month';
import { ItemAssignment } from '../admission/item-assignment.entity';
import { ServiceCase } from './service-case';
import { ServiceItem } from '../item/item.entity';
import { ServiceItemVersion } from '../item/item-version.entity';
import { SupervisionNotice } from './supervision-notice';

export * from '../shared/enums';
export { AdmissionRequest, CaseEvent, CaseExtension, CaseIndicatorMonth, ItemAssignment, ServiceCase, ServiceItem, ServiceItemVersion, SupervisionNotice };
export { HandlingLevel, ItemList } from '../item/item.entity';

export const SERVICES_ENTITIES = [
  ServiceItem, ServiceItemVersion, AdmissionRequest, ItemAssignment, ServiceCase, CaseEvent, CaseExtension, SupervisionNotice,
  CaseIndicatorMonth,
];
