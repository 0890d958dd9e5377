/**
 * Rule templates mark what the writer must fill in as `[[like this]]` (packs written earlier may
 * still say `<like this>`). Editors that support snippets turn each into a tab stop whose
 * default text is the placeholder itself, so an unfilled one stays visible (and the text equals
 * the plain template).
 */
const PLACEHOLDER = /\[\[[A-Za-z][^[\]\n]*\]\]|<[A-Za-z][^<>\n]*>/g;

export type TemplatePart = { text: string } | { placeholder: string };

/** The template cut into literal text and placeholders (`[[who]]` keeps its brackets). */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) });
    parts.push({ placeholder: m[0] });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

export function hasPlaceholders(text: string): boolean {
  return templateParts(text).some((p) => 'placeholder' in p);
}

/** LSP/TextMate snippet syntax: `${1:[[who]]}` per placeholder, `$`, `}` and `\` escaped elsewhere. */
export function toSnippet(template: string): string {
  let n = 0;
  return templateParts(template)
    .map((p) => ('text' in p ? escapeSnippet(p.text) : `\${${++n}:${escapeSnippet(p.placeholder)}}`))
    .join('');
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}
