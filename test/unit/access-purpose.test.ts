import { MAX_PURPOSE_LENGTH, readPurpose } from '../../lib/access-purpose';

/** A header as Node hands it over: each byte of the UTF-8 text read as one Latin-1 character. */
const rawUtf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('the stated purpose (x-access-purpose), as the client meant it', () => {
  it('decodes percent-encoded text, as documented', () => {
    expect(readPurpose(encodeURIComponent('入户走访核实'))).toEqual({ purpose: '入户走访核实', refused: null });
  });

  it('reads raw UTF-8 bytes as UTF-8, not as Latin-1', () => {
    expect(readPurpose(rawUtf8('低保复核 case 12'))).toEqual({ purpose: '低保复核 case 12', refused: null });
  });

  it('keeps text that only looks like an encoding, and Latin-1 text that is not UTF-8', () => {
    expect(readPurpose('100% checked').purpose).toBe('100% checked');
    expect(readPurpose('caf\u00e9').purpose).toBe('caf\u00e9');
  });

  it('takes no header, or only spaces, as no purpose', () => {
    expect(readPurpose(null)).toEqual({ purpose: null, refused: null });
    expect(readPurpose('  %20 ')).toEqual({ purpose: null, refused: null });
  });

  it.each([
    ['an encoded line break', 'check%0D%0Aforged: line', 'U+000D', 'check\\u000d\\u000aforged: line'],
    ['an encoded NUL', 'a%00b', 'U+0000', 'a\\u0000b'],
    ['a tab', 'a%09b', 'U+0009', 'a\\u0009b'],
    ['a C1 control', rawUtf8('a\u0085b'), 'U+0085', 'a\\u0085b'],
  ])('refuses %s, naming it, and keeps the text as stated with the character shown', (_name, raw, code, stated) => {
    expect(readPurpose(raw)).toEqual({
      purpose: null,
      refused: {
        stated,
        reason: `the stated purpose contains a control character (${code}); state it as one line of text`,
      },
    });
  });

  it(`refuses a purpose over ${MAX_PURPOSE_LENGTH} characters instead of cutting it, counting characters, not bytes`, () => {
    expect(readPurpose(encodeURIComponent('核'.repeat(MAX_PURPOSE_LENGTH))).purpose).toBe(
      '核'.repeat(MAX_PURPOSE_LENGTH),
    );
    const long = 'x'.repeat(MAX_PURPOSE_LENGTH + 1);
    expect(readPurpose(long)).toEqual({
      purpose: null,
      refused: {
        stated: long,
        reason: `the stated purpose is ${MAX_PURPOSE_LENGTH + 1} characters long; at most ${MAX_PURPOSE_LENGTH} are allowed`,
      },
    });
  });
});
