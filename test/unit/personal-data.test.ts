import type { AccessEntry, AccessLog } from '../../lib/audit/access-log';
import { readPurpose } from '../../lib/access-purpose';
import { maskIdNumber, maskPhone, revealPersonal } from '../../lib/personal-data';
import { ANONYMOUS } from '../../lib/viewer';
import { viewerOf } from './viewers';

/** An access log that keeps its entries in memory, to see what would be recorded. */
function memoryLog(): AccessLog & { entries: AccessEntry[] } {
  const entries: AccessEntry[] = [];
  return { entries, record: async (entry) => void entries.push(entry) };
}

const resident = { type: 'Resident' as const, id: '0190f000-0000-7000-8000-000000000001', inScope: true };

describe('masking personal data', () => {
  it('keeps the region prefix and last four digits of an ID number', () => {
    expect(maskIdNumber('370323199001011234')).toBe('370323********1234');
  });

  it('keeps the operator prefix and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks short values entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskIdNumber('1234567890')).toBe('**********');
  });
});

describe('revealing a personal value', () => {
  it('masks for everyone without a stated purpose, the city administrator too, and records nothing', async () => {
    const log = memoryLog();
    expect(await revealPersonal(ANONYMOUS, log, resident, 'phone', '13812345678')).toBe('138****5678');
    expect(await revealPersonal(viewerOf('CITY_ADMIN'), log, resident, 'idNumber', '370323199001011234')).toBe(
      '370323********1234',
    );
    expect(await revealPersonal(viewerOf('CITY_ADMIN'), log, resident, 'phone', null)).toBeNull();
    expect(log.entries).toEqual([]);
  });

  it('gives the full value to a role that may, with a purpose, in scope, and records it as granted', async () => {
    const log = memoryLog();
    const worker = viewerOf('GRID_WORKER', { purpose: '入户走访核实' });
    expect(await revealPersonal(worker, log, resident, 'phone', '13812345678')).toBe('13812345678');
    expect(log.entries).toEqual([
      { recordType: 'Resident', recordId: resident.id, field: 'phone', outcome: 'GRANTED' },
    ]);
  });

  it('refuses an analyst the full value even with a purpose, and records the refusal', async () => {
    const log = memoryLog();
    await expect(
      revealPersonal(viewerOf('ANALYST', { purpose: '统计' }), log, resident, 'idNumber', '370323199001011234'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      field: 'idNumber',
    });
    expect(log.entries).toEqual([
      expect.objectContaining({ recordId: resident.id, field: 'idNumber', outcome: 'REFUSED' }),
    ]);
  });

  it("refuses a record outside the viewer's scope even for a role that may", async () => {
    const log = memoryLog();
    const reveal = revealPersonal(
      viewerOf('COMMUNITY_STAFF', { purpose: '核实' }),
      log,
      { ...resident, inScope: false },
      'phone',
      '13812345678',
    );
    await expect(reveal).rejects.toMatchObject({ code: 'FORBIDDEN', details: { scope: 'personal-data:full' } });
    expect(log.entries.map((e) => e.outcome)).toEqual(['REFUSED']);
  });
});

describe('a purpose stated but refused', () => {
  it('refuses the full value as bad input on the header, whatever the role, and records the refusal with its reason', async () => {
    const log = memoryLog();
    const refusedPurpose = readPurpose('%E6%A0%B8%E5%AE%9E%0D%0A').refused!;
    const worker = viewerOf('GRID_WORKER', { refusedPurpose });
    await expect(revealPersonal(worker, log, resident, 'phone', '13812345678')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'x-access-purpose',
    });
    expect(log.entries).toEqual([
      {
        recordType: 'Resident',
        recordId: resident.id,
        field: 'phone',
        outcome: 'REFUSED',
        reason: refusedPurpose.reason,
      },
    ]);
  });
});
