import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';

/**
 * GFM autolink literals, parsed as micromark-extension-gfm-autolink-literal parses them, in time linear in
 * the length of a paragraph.
 *
 * The extension refuses an autolink after a link label that is still open (`[` with no `]` yet): at every
 * word that could start one it walks the paragraph's events back to that `[` (its `previousUnbalanced`).
 * One stray `[` early in a long paragraph made parsing quadratic: a 1 MB paragraph took minutes.
 *
 * micromark keeps the open label starts of a paragraph on a stack (`_labelStarts`: pushed at `[`/`![`,
 * marked `_balanced` for good when a `]` turns out not to make a link, popped when one does). An open label
 * exists exactly when some entry of that stack is not balanced, which is what the walk finds. Each construct
 * here answers "open label, no autolink" from that stack first and otherwise runs the extension's own code
 * unchanged, whose walk then ends at once (it marks where it stopped when it finds no open label). The tree
 * is the extension's: test/engine/markdown.test.ts compares them on random text full of brackets and links.
 */

type Extension = ReturnType<typeof gfmAutolinkLiteral>;
type ConstructRecord = NonNullable<Extension['text']>;
type Construct = Extract<ConstructRecord[number], { tokenize: unknown }>;

/** The parts of a micromark token and tokenize context read here. */
interface LabelStart {
  _balanced?: boolean;
}
interface LabelContext {
  _labelStarts?: LabelStart[];
}

/**
 * Per label-start stack: how many entries at its bottom are known to be balanced, and the last of them.
 * Balanced is for good, so the count only grows while that entry is still in place; once it is not, the
 * stack was emptied below it (entries leave only from the top) and is read again from the bottom.
 */
const balancedBelow = new WeakMap<LabelStart[], { count: number; last: LabelStart }>();

/** Whether the paragraph has a label start with no `]` yet; amortised constant time. */
function openLabel(starts: LabelStart[] | undefined): boolean {
  if (!starts) return false;
  const known = balancedBelow.get(starts);
  let count = known && starts[known.count - 1] === known.last ? known.count : 0;
  while (count < starts.length && starts[count]._balanced) count++;
  if (count > 0) balancedBelow.set(starts, { count, last: starts[count - 1] });
  return count < starts.length;
}

const wrapped = new Map<Construct, Construct>();

function linear(construct: Construct): Construct {
  let own = wrapped.get(construct);
  if (!own) {
    own = {
      ...construct,
      tokenize(effects, ok, nok) {
        const context = this as unknown as LabelContext;
        const start = construct.tokenize.call(this, effects, ok, nok);
        // The extension's start refuses every code after an open label: answer that without its walk.
        return (code) => (openLabel(context._labelStarts) ? nok(code) : start(code));
      },
    };
    wrapped.set(construct, own);
  }
  return own;
}

/** The extension's constructs, each made linear; without its e-mail construct when `email` is false. */
function constructs(email: boolean): ConstructRecord {
  const text: ConstructRecord = {};
  for (const [code, entry] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    if (!entry) continue;
    const kept = (Array.isArray(entry) ? entry : [entry as Construct]).filter((c) => email || c.name !== 'emailAutolink').map(linear);
    if (kept.length > 0) text[Number(code)] = Array.isArray(entry) ? kept : kept[0];
  }
  return text;
}

const text = constructs(true);
let withoutEmail: ConstructRecord | undefined;

/**
 * Use in place of `gfmAutolinkLiteral()`. With `email` false, for a text with no `@` (which an e-mail
 * literal needs): its construct hooks on every letter and digit, and micromark tried it at the start of
 * every word, read the word and undid it; the www and URL constructs are tried at `w` and `h` only.
 */
export function linearAutolinkLiteral(email = true): Extension {
  if (email) return { text };
  return { text: (withoutEmail ??= constructs(false)) };
}
