import { AdmissionRequest } from './admission-request';
import { CaseEvent } from './case-event';
import { CaseExtension } from './case-extension';
import { CaseIndicatorMonth } from './case-indicator-month';
import { ItemAssignment } from './item-assignment';
import { ServiceCase } from './service-case';
import { ServiceItem } from './service-item';
import { ServiceItemVersion } from './service-item-version';
import { SupervisionNotice } from './supervision-notice';

export * from './enums';
export { AdmissionRequest, CaseEvent, CaseExtension, CaseIndicatorMonth, ItemAssignment, ServiceCase, ServiceItem, ServiceItemVersion, SupervisionNotice };
export { HandlingLevel, ItemList } from './service-item';

export const SERVICES_ENTITIES = [
  ServiceItem, ServiceItemVersion, AdmissionRequest, ItemAssignment, ServiceCase, CaseEvent, CaseExtension, SupervisionNotice,
  CaseIndicatorMonth,
];
