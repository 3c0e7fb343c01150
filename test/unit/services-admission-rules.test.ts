import { domainErrorOf } from './expect-domain-error';
import {
  AdmissionDecision,
  AdmissionStatus,
  AdmissionTarget,
  checkApplication,
  checkDecision,
  requireAdmitted,
} from '../../subgraphs/services/admission/admission.rules';

const application = {
  department: '民政局',
  reason: '独居老人风险高',
  tasks: '每月探访',
  authorityConfirmed: true,
  trainingConfirmed: true,
  fundingConfirmed: true,
};
const item = { code: 'GA-01', lists: ['GRID_ADMITTED'] };

describe('admission (两明确、三到位)', () => {
  it('takes an application with reason, tasks and all three confirmations', () => {
    expect(checkApplication({ ...application, reason: ' 独居老人风险高 ' }).reason).toBe('独居老人风险高');
  });

  it('refuses an application missing any of the three confirmations, naming all that are missing', () => {
    const error = domainErrorOf(() =>
      checkApplication({ ...application, trainingConfirmed: false, fundingConfirmed: false }),
    );
    expect(error.field).toBe('input.trainingConfirmed');
    expect(error.message).toContain('trainingConfirmed (培训到位), fundingConfirmed (经费到位)');
    expect(domainErrorOf(() => checkApplication({ ...application, authorityConfirmed: false })).field).toBe(
      'input.authorityConfirmed',
    );
  });

  it('refuses an application without reason or tasks (两明确)', () => {
    expect(domainErrorOf(() => checkApplication({ ...application, reason: ' ' })).field).toBe('input.reason');
    expect(domainErrorOf(() => checkApplication({ ...application, tasks: '' })).field).toBe('input.tasks');
  });

  it('decides once, with a reason', () => {
    expect(checkDecision(AdmissionStatus.PENDING, AdmissionDecision.REJECTED, '经费未落实')).toBe('经费未落实');
    expect(domainErrorOf(() => checkDecision(AdmissionStatus.PENDING, AdmissionDecision.APPROVED, '')).field).toBe(
      'input.reason',
    );
    expect(domainErrorOf(() => checkDecision(AdmissionStatus.APPROVED, AdmissionDecision.REJECTED, 'x')).code).toBe(
      'CONFLICT',
    );
  });

  it('assigns an item only where an approved admission covers the target, and says why not', () => {
    const approvedGrid = [{ target: AdmissionTarget.GRID, status: AdmissionStatus.APPROVED }];
    expect(() => requireAdmitted(item, AdmissionTarget.GRID, approvedGrid, 'input.itemId')).not.toThrow();
    expect(
      domainErrorOf(() => requireAdmitted(item, AdmissionTarget.COMMUNITY, approvedGrid, 'input.itemId')).message,
    ).toContain('was not admitted into communities (准入): no department has applied for it');
    expect(
      domainErrorOf(() =>
        requireAdmitted(
          item,
          AdmissionTarget.GRID,
          [{ target: AdmissionTarget.GRID, status: AdmissionStatus.PENDING }],
          'f',
        ),
      ).message,
    ).toContain('still waiting for the committee');
    expect(
      domainErrorOf(() =>
        requireAdmitted(
          item,
          AdmissionTarget.GRID,
          [{ target: AdmissionTarget.GRID, status: AdmissionStatus.REJECTED }],
          'f',
        ),
      ).message,
    ).toContain('the committee rejected');
  });

  it('refuses a NOT_FOR_COMMUNITY item even with an approved admission', () => {
    const error = domainErrorOf(() =>
      requireAdmitted(
        { code: 'NC-01', lists: ['NOT_FOR_COMMUNITY'] },
        AdmissionTarget.COMMUNITY,
        [{ target: AdmissionTarget.COMMUNITY, status: AdmissionStatus.APPROVED }],
        'input.itemId',
      ),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('社区不应承担事项');
  });
});
