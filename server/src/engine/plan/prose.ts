import type { Nodes, PhrasingContent } from 'mdast';

/** A `<placeholder>` left by a quick-fix template, unlike an HTML tag such as `<br>` or `<span class=x>`. */
const PLACEHOLDER = /^<[a-z][a-z0-9 ,'’/-]*>$/i;
const HTML_TAGS = new Set(
  'a abbr b br code del details div em hr i img ins kbd li mark ol p pre q s small span strong sub summary sup table tbody td th thead tr u ul video audio source iframe picture center font'.split(' '),
);

export function isPlaceholder(html: string): boolean {
  if (!PLACEHOLDER.test(html)) return false;
  const name = html.slice(1).split(/[\s>/]/)[0].toLowerCase();
  return !HTML_TAGS.has(name);
}

/** Collects a block's prose and, for each character, its document offset. */
export class ProseBuilder {
  private parts: string[] = [];
  /** Document offset of each character so far (grown as needed). */
  private offsets = new Int32Array(256);
  private size = 0;

  constructor(
    private readonly source: string,
    private readonly shift: number,
    /** Where the block starts: the offset of text before any node with a known position. */
    private readonly origin: number,
  ) {}

  get length(): number {
    return this.size;
  }

  private reserve(n: number): void {
    if (this.size + n + 1 <= this.offsets.length) return;
    const grown = new Int32Array(Math.max(2 * this.offsets.length, this.size + n + 1));
    grown.set(this.offsets.subarray(0, this.size));
    this.offsets = grown;
  }

  /** Appends literal text that stands at the given document offset. */
  pushAt(text: string, docOffset: number): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.offsets[this.size + i] = docOffset + i;
    this.parts.push(text);
    this.size += text.length;
  }

  /** Appends a node's value, aligned with its source (which may hold escapes, entities, indentation or `>` markers). */
  pushAligned(value: string, start: number, end: number): void {
    const src = this.source.slice(start, end);
    if (src === value) {
      this.pushAt(value, start);
      return;
    }
    this.reserve(value.length);
    let j = 0;
    for (let i = 0; i < value.length; i++) {
      const limit = Math.min(src.length, j + 12);
      let k = j;
      while (k < limit && src[k] !== value[i]) k++;
      if (k < limit) j = k;
      this.offsets[this.size + i] = start + Math.min(j, Math.max(0, src.length - 1));
      if (k < limit) j++;
    }
    this.parts.push(value);
    this.size += value.length;
  }

  phrasing(nodes: readonly PhrasingContent[]): void {
    // Depth first with an explicit stack: emphasis or links nested thousands deep must not overflow.
    const stack: Nodes[] = [...nodes].reverse();
    for (let node = stack.pop(); node; node = stack.pop()) {
      const inner = this.inline(node);
      for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]);
    }
  }

  /** Adds a leaf's prose; returns the children of a node whose children are prose. */
  private inline(node: Nodes): readonly PhrasingContent[] {
    const pos = node.position;
    // A node the parser left without a position stands right after the text before it.
    const start = pos?.start.offset !== undefined ? pos.start.offset + this.shift : this.size > 0 ? this.offsets[this.size - 1] + 1 : this.origin;
    const end = pos?.end.offset !== undefined ? pos.end.offset + this.shift : start;
    switch (node.type) {
      case 'text':
        this.pushAligned(node.value, start, end);
        return [];
      case 'inlineCode':
        // Code is never prose; one neutral character keeps words on either side apart.
        this.pushAt('\uFFFC', start);
        return [];
      case 'html':
        if (isPlaceholder(node.value)) this.pushAt(node.value, start);
        else if (!node.value.startsWith('<!--')) this.pushAt(' ', start);
        return [];
      case 'break':
        this.pushAt(' ', start);
        return [];
      case 'link':
        return isBareUrl(node.children, node.url) ? [] : node.children;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        return node.children;
      default:
        // images, footnote references and anything unknown are not prose
        return [];
    }
  }

  build(endOffset: number): { text: string; docOffsets: Int32Array } {
    const docOffsets = this.offsets.slice(0, this.size + 1);
    docOffsets[this.size] = endOffset;
    return { text: this.parts.join(''), docOffsets };
  }
}

function isBareUrl(children: readonly PhrasingContent[], url: string): boolean {
  if (children.length !== 1 || children[0].type !== 'text') return false;
  const t = children[0].value;
  return t === url || /^(?:https?:\/\/|www\.|mailto:)/i.test(t) || url === `mailto:${t}` || url === `http://${t}`;
}
