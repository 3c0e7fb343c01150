import { Kind } from 'graphql';
import { scalarLiteralRefusal, scalarValueRefusal, textRefusal } from '../../lib/input-values';

const refusalOf = (refusal: ReturnType<typeof textRefusal>) =>
  refusal && { code: refusal.code, field: refusal.field, message: refusal.message };

describe('text a client sends', () => {
  it('refuses control characters and unpaired surrogates, naming the field and where', () => {
    expect(refusalOf(textRefusal('input.name', 'ab\u0000'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
      message: 'input.name contains a control character (U+0000) at position 2; send text without it',
    });
    expect(textRefusal('note', 'a\u007fb')?.message).toContain('(U+007F)');
    expect(textRefusal('note', 'a\u0085b')?.message).toContain('(U+0085)');
    expect(textRefusal('note', 'a\ud800b')?.message).toBe(
      'note contains an unpaired surrogate (U+D800) at position 1; send text without it',
    );
  });

  it('takes line breaks, tabs, Chinese and characters outside the basic plane', () => {
    expect(textRefusal('note', '第一行\r\n第二行\t完 😀')).toBeNull();
  });
});

describe('scalars', () => {
  it('refuses an ID that is not an id, written or sent', () => {
    expect(scalarValueRefusal('ID', 'id', 'not-a-uuid')?.message).toBe('id is not an id');
    expect(scalarValueRefusal('ID', 'id', 12)?.message).toBe('id is not an id');
    expect(scalarLiteralRefusal('ID', 'id', { kind: Kind.INT, value: '12' })?.message).toBe('id is not an id');
    expect(scalarValueRefusal('ID', 'id', '0190f000-0000-7000-8000-000000000001')).toBeNull();
  });

  it('reads a DateTimeISO as the subgraphs do: a date and time with its offset', () => {
    expect(scalarValueRefusal('DateTimeISO', 'from', '2026-01-01T08:00:00+08:00')).toBeNull();
    expect(scalarValueRefusal('DateTimeISO', 'from', '2026-01-01T00:00:00.000Z')).toBeNull();
    expect(refusalOf(scalarValueRefusal('DateTimeISO', 'from', '2026-01-01'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'from',
      message:
        'from must be a date and time with its offset (ISO 8601), as 2026-01-31T08:00:00+08:00, not "2026-01-01"',
    });
    expect(scalarLiteralRefusal('DateTimeISO', 'to', { kind: Kind.BOOLEAN, value: true })?.message).toBe(
      'to must be a date and time with its offset (ISO 8601), as 2026-01-31T08:00:00+08:00',
    );
  });

  it('leaves the other scalars to GraphQL', () => {
    expect(scalarValueRefusal('Int', 'first', 5)).toBeNull();
    expect(scalarValueRefusal('String', 'department', '城管局')).toBeNull();
  });
});
