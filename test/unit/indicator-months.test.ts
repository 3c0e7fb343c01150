import { firstOfNextMonth, indicatorSources } from '../../subgraphs/services/indicators/indicator-months.rules';

describe('indicator sources: whole months from the monthly figures, edge days from the cases', () => {
  it('counts an open period from the months alone', () => {
    expect(indicatorSources({ from: null, to: null })).toEqual({ months: { from: null, to: null }, days: [] });
  });

  it('counts whole months from the months alone, a calendar month and a year', () => {
    expect(indicatorSources({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      months: { from: '2026-03-01', to: '2026-04-01' },
      days: [],
    });
    expect(indicatorSources({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      months: { from: '2026-01-01', to: '2027-01-01' },
      days: [],
    });
    expect(indicatorSources({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      months: { from: '2024-02-01', to: '2024-03-01' },
      days: [],
    });
  });

  it('counts the days before the first whole month and after the last from the cases', () => {
    expect(indicatorSources({ from: '2026-02-20', to: '2026-04-10' })).toEqual({
      months: { from: '2026-03-01', to: '2026-04-01' },
      days: [
        { from: '2026-02-20', to: '2026-02-28' },
        { from: '2026-04-01', to: '2026-04-10' },
      ],
    });
    expect(indicatorSources({ from: '2026-11-05', to: null })).toEqual({
      months: { from: '2026-12-01', to: null },
      days: [{ from: '2026-11-05', to: '2026-11-30' }],
    });
    expect(indicatorSources({ from: null, to: '2026-11-20' })).toEqual({
      months: { from: null, to: '2026-11-01' },
      days: [{ from: '2026-11-01', to: '2026-11-20' }],
    });
  });

  it('counts a period without a whole month from the cases alone', () => {
    expect(indicatorSources({ from: '2026-03-04', to: '2026-03-20' })).toEqual({
      months: null,
      days: [{ from: '2026-03-04', to: '2026-03-20' }],
    });
    expect(indicatorSources({ from: '2026-03-04', to: '2026-04-20' })).toEqual({
      months: null,
      days: [{ from: '2026-03-04', to: '2026-04-20' }],
    });
    expect(indicatorSources({ from: '2026-03-31', to: '2026-03-31' })).toEqual({
      months: null,
      days: [{ from: '2026-03-31', to: '2026-03-31' }],
    });
  });

  it('moves to the next month across a year end and a leap day', () => {
    expect(firstOfNextMonth('2026-12-15')).toBe('2027-01-01');
    expect(firstOfNextMonth('2024-02-29')).toBe('2024-03-01');
    expect(firstOfNextMonth('2026-01-31')).toBe('2026-02-01');
  });
});
