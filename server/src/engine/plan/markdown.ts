import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { linearAutolinkLiteral } from './autolink';

/**
 * Parses Markdown to the same mdast as unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']),
 * but leaves out the GFM constructs a text cannot contain. micromark tries the table construct at the start of
 * every line of flow (it is keyed on no character): on generated plans it took 30% of micromark's tokenizing,
 * and two chunks in three have no line that could be a table's delimiter row. Footnotes and strikethrough
 * (strikethrough resolves every span) cost less, but their tests are exact and trivial.
 *
 * Leaving a construct out changes nothing when it could not have matched: micromark undoes a failed attempt,
 * and the mdast handlers only see tokens of constructs that matched (the table's codeText handler differs from
 * the default one only inside a table). Task list items and front matter are tried rarely and stay on.
 * Autolink literals (in the linear form of ./autolink.ts): the e-mail construct is left out of a text with no
 * `@`, and the www and URL ones of a text with no `www.`, `http:` or `https:` (any case), which each needs.
 * The e-mail construct hooks on every letter and digit (an address may start there): micromark tried it at
 * every word of every text, read the word and undid it. Most chunks of a plan hold a URL somewhere, few an
 * `@`. Without them micromark reads the same text in longer data tokens, which mdast joins into the same
 * text nodes.
 */

type Syntax = ReturnType<typeof gfmTable>;

interface Gated {
  syntax: Syntax;
  /** False only when the text cannot contain the construct. */
  mayContain: (text: string) => boolean;
}

/**
 * A line that could be a table's delimiter row: after container prefixes (`>` and indentation: a delimiter
 * row cannot open a container, its head row would be in another one) only `|`, `:`, `-`, spaces and tabs,
 * with a `-` and a `|` or `:` (a row of dashes alone is a thematic break or setext underline). Each quantified
 * class stops where the next part starts, so a long line costs linear time.
 */
export const DELIMITER_ROW = /^(?:[ \t]*>)*[ \t]*(?:[|:][ \t|:]*-|-[ \t-]*[|:])[ \t|:-]*$/m;

/** In the order remark-gfm combines them: the order decides which construct micromark tries first. */
const GATED_BEFORE: readonly Gated[] = [
  // A footnote definition starts `[^`; a call needs a definition.
  { syntax: gfmFootnote(), mayContain: (text) => text.includes('[^') },
  { syntax: gfmStrikethrough(), mayContain: (text) => text.includes('~') },
  { syntax: gfmTable(), mayContain: (text) => DELIMITER_ROW.test(text) },
];
const AUTOLINK = linearAutolinkLiteral();
/** Without the e-mail construct, for texts with no `@`. */
const AUTOLINK_WEB = linearAutolinkLiteral(false);
/** What a www literal needs (`www.`), and a URL (its scheme and colon). */
const WEB_LINK_START = /www\.|https?:/i;
const AFTER = [gfmTaskListItem(), frontmatter(['yaml'])];
const MDAST = [...gfmFromMarkdown().map(gatedTransforms), frontmatterFromMarkdown(['yaml'])];

/** Extension lists by the bit mask of the gated constructs they include. */
const variants = new Map<number, Syntax[]>();

export function parseMarkdown(text: string): Root {
  let mask = 0;
  GATED_BEFORE.forEach((gated, i) => {
    if (gated.mayContain(text)) mask |= 1 << i;
  });
  const email = text.includes('@');
  if (email) mask |= 1 << GATED_BEFORE.length;
  else if (WEB_LINK_START.test(text)) mask |= 2 << GATED_BEFORE.length;
  let extensions = variants.get(mask);
  if (!extensions) {
    const autolink = email ? [AUTOLINK] : mask & (2 << GATED_BEFORE.length) ? [AUTOLINK_WEB] : [];
    extensions = [...autolink, ...GATED_BEFORE.filter((_, i) => mask & (1 << i)).map((g) => g.syntax), ...AFTER];
    variants.set(mask, extensions);
  }
  return fromMarkdown(text, { extensions, mdastExtensions: MDAST });
}

type MdastExtension = ReturnType<typeof gfmFromMarkdown>[number];

/**
 * The GFM autolink literal transform (mdast-util-gfm-autolink-literal) walks the whole tree four
 * times, once per kind of literal (URL, xmpp:, mailto:, e-mail), running a regular expression on
 * every text node: about a tenth of parsing a plan, and most trees hold no literal it could find.
 * Each of its expressions needs `http://`, `https://` or `www.` (any case) or an `@` in a text node
 * outside links and link references (what it ignores): one walk asks that first, and the transform
 * runs unchanged on a tree that has one.
 */
function gatedTransforms(extension: MdastExtension): MdastExtension {
  const transforms = extension.transforms;
  // The autolink literal extension is the one that handles literalAutolink tokens; no other has transforms today.
  if (!transforms?.length || !extension.enter?.literalAutolink) return extension;
  return { ...extension, transforms: transforms.map((transform) => (tree: Root) => (mayHoldLiteral(tree) ? transform(tree) : undefined)) };
}

const LITERAL_START = /https?:\/\/|www\.|@/i;

function mayHoldLiteral(node: Nodes): boolean {
  if (node.type === 'text') return LITERAL_START.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return false;
  for (const child of node.children) if (mayHoldLiteral(child)) return true;
  return false;
}
