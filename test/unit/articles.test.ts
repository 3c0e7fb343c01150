import { article, withArticle } from '../../lib/articles';
import { CLIENT_ROLES, SCOPE_CLAIM } from '../../lib/auth/roles';
import { CaseAction, CaseState } from '../../subgraphs/services/case/case-state-machine.rules';
import { ProjectStatus } from '../../subgraphs/co-building/shared/enums';
import { AssignmentRole, WorkerKind } from '../../subgraphs/grid/shared/enums';
import { OrganizationLevel } from '../../subgraphs/party-building/shared/enums';
import { COVERED_TYPE } from '../../subgraphs/party-building/organization/organization-coverage.rules';

/** Every word a generated message puts after "a"/"an", with the article it takes by sound. */
const TAKES_AN = new Set([
  'ACCEPTED',
  'IN_PROGRESS',
  'ESCALATE',
  'ACCEPT',
  'AGREED',
  'OPEN',
  'ANALYST',
  'AUDITOR',
  'organizationId',
  'IN_SERVICE',
  'ANONYMOUS',
]);

const WORDS = [
  ...Object.values(CaseState),
  ...Object.values(CaseAction),
  ...Object.values(ProjectStatus),
  'OPEN',
  'CLAIMED',
  'FULFILLED',
  'WITHDRAWN',
  ...Object.values(OrganizationLevel),
  ...Object.values(WorkerKind),
  ...Object.values(AssignmentRole),
  ...CLIENT_ROLES,
  'ANONYMOUS',
  ...Object.values(SCOPE_CLAIM),
  ...Object.values(COVERED_TYPE),
  'demand',
  'resource',
  'IN_SERVICE',
];

describe('the article before a word a message names', () => {
  it.each(WORDS)('%s', (word) => {
    expect(article(word)).toBe(TAKES_AN.has(word) ? 'an' : 'a');
  });

  it('goes by sound, not by letter', () => {
    expect([
      withArticle('UNIT_LIAISON'),
      withArticle('unitId'),
      withArticle('hour'),
      withArticle('ONE_OFF'),
      withArticle('URGENT'),
    ]).toEqual(['a UNIT_LIAISON', 'a unitId', 'an hour', 'a ONE_OFF', 'an URGENT']);
  });
});
