import { SLOT } from '../plan/slots';

/**
 * A fix that replaces a sentence keeps what the sentence says that the new one still needs: the
 * rival it names fills `[[rival]]`, its date fills `[[date]]`. Slots the sentence has nothing for stay
 * for the writer to fill; nothing is invented.
 */
const SLOTS = new RegExp(SLOT.source, 'gi');

/** A capitalised name that is not the sentence's first word: "Lumina", "Acme's" (possessive dropped). */
const NAME = /(?<=\s)(\p{Lu}[\p{L}\p{N}&.-]*[\p{L}\p{N}])(?:['’]s?)?(?=[\s,.;:!?]|$)/gu;
const NOT_NAMES = new Set(['We', 'Our', 'I', 'The', 'Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'FY']);
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** "Q3 2026", "H2 FY2027", "March 2027", "the end of 2026", "2027". */
const DATE = new RegExp(`\\b(?:[QH][1-4]\\s+(?:FY\\s?)?\\d{4}|${MONTH}\\s+\\d{4}|(?:the\\s+)?end\\s+of\\s+\\d{4}|(?:19|20)\\d{2})\\b`);

export function keepFacts(template: string, sentence: string, words: string): string {
  return template.replace(SLOTS, (slot) => {
    const name = slot.replace(/^[[<]+|[\]>]+$/g, '').trim().toLowerCase();
    if (/^(?:rival|competitor)s?$/.test(name)) return rivalIn(words) ?? slot;
    if (/^(?:date|deadline|when)$/.test(name)) return DATE.exec(sentence)?.[0] ?? slot;
    return slot;
  });
}

/** The rival the words found name ("match Lumina's feature set"), when they name one. */
function rivalIn(words: string): string | undefined {
  for (const m of ` ${words}`.matchAll(NAME)) if (!NOT_NAMES.has(m[1])) return m[1];
  return undefined;
}
