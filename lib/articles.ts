/**
 * "a" or "an" before a word a message names at run time: mostly our enum values in capitals
 * (ACCEPTED, OPEN, UNIT_LIAISON), which the article libraries read as acronyms ("an F…" for
 * FULL_TIME) unless told otherwise. The words form a closed set, and a unit test runs this
 * over every one a message uses, so a short rule by sound is enough: a vowel letter takes "an",
 * except where the word starts with a "you" or "one" sound (UNIT, USER, EU…, ONE…).
 */
const YOU_OR_ONE = /^(uni|use|usu|ura|eu|one|once)/i;
const SILENT_H = /^(hour|honest|honou?r|heir)/i;

export function article(word: string): 'a' | 'an' {
  if (SILENT_H.test(word)) return 'an';
  if (!/^[aeiou]/i.test(word) || YOU_OR_ONE.test(word)) return 'a';
  return 'an';
}

/** The word with its indefinite article: "an ACCEPTED", "a CLAIMED", "a UNIT_LIAISON". */
export function withArticle(word: string): string {
  return `${article(word)} ${word}`;
}
