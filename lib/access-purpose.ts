/**
 * The purpose a client states for reading personal data in full (the x-access-purpose header),
 * read as the client meant it. HTTP headers carry bytes that Node reads as Latin-1, so Chinese
 * text arrives either percent-encoded (as documented) or as raw UTF-8 bytes; both are decoded.
 * What is recorded must be the purpose itself: text with a control character (a line break
 * smuggled in as %0D%0A, a NUL) or longer than the record allows is refused, never cut or
 * cleaned, and the refusal is recorded with the text as stated, its control characters shown.
 */
export const MAX_PURPOSE_LENGTH = 200;

export interface RefusedPurpose {
  /** The text as stated, control characters written as \u escapes so it can be recorded and read. */
  stated: string;
  reason: string;
}

export type StatedPurpose = { purpose: string | null; refused: null } | { purpose: null; refused: RefusedPurpose };

/** C0 and C1 control characters and DEL: no line breaks or tabs in a one-line purpose either. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Raw UTF-8 bytes that Node read as Latin-1, read again as UTF-8; text that is not UTF-8 stays as it came. */
function asUtf8(raw: string): string {
  if (!/[^\u0000-\u007f]/.test(raw)) return raw;
  try {
    return utf8.decode(Buffer.from(raw, 'latin1'));
  } catch {
    return raw;
  }
}

/** Percent-encoded text decoded; a lone "%" (as in "100%") is text, not an encoding. */
function percentDecoded(text: string): string {
  if (!/%[0-9a-f]{2}/i.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const visible = (text: string) => text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function readPurpose(raw: string | null | undefined): StatedPurpose {
  // Spaces around the text are dropped, control characters anywhere refused (not trimmed away).
  const text = percentDecoded(asUtf8(raw ?? '')).replace(/^[ \u3000]+|[ \u3000]+$/g, '');
  if (!text) return { purpose: null, refused: null };
  const control = CONTROL.exec(text);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      purpose: null,
      refused: {
        stated: visible(text),
        reason: `the stated purpose contains a control character (${code}); state it as one line of text`,
      },
    };
  }
  const length = [...text].length;
  if (length > MAX_PURPOSE_LENGTH) {
    return {
      purpose: null,
      refused: {
        stated: text,
        reason: `the stated purpose is ${length} characters long; at most ${MAX_PURPOSE_LENGTH} are allowed`,
      },
    };
  }
  return { purpose: text, refused: null };
}
