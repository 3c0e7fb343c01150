import { AdmissionRequest } from '../admission/admission-request.entity';
import { CaseEvent } from '../case/case-event.entity';
import { CaseExtension } from '../case/case-extension.entity';
import { CaseIndicatorMonth } from './case-indicator-month';
import { ItemAssignment } from '../admission/item-assignment.entity';
import { ServiceCase } from '../case/case.entity';
import { ServiceItem } from '../item/item.entity';
import { ServiceItemVersion } from '../item/item-version.entity';
import { SupervisionNotice } from '../case/supervision-notice.entity';

export * from '../shared/enums';
export { AdmissionRequest, CaseEvent, CaseExtension, CaseIndicatorMonth, ItemAssignment, ServiceCase, ServiceItem, ServiceItemVersion, SupervisionNotice };
export { HandlingLevel, ItemList } from '../item/item.entity';

export const SERVICES_ENTITIES = [
  ServiceItem, ServiceItemVersion, AdmissionRequest, ItemAssignment, ServiceCase, CaseEvent, CaseExtension, SupervisionNotice,
  CaseIndicatorMonth,
];
