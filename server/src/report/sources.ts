/**
 * Rule data cites principles by short tags ("CPV-1, CPV-3, CVC"); the scorecard spells out the
 * publications they come from (a legend, and each cell's tooltip), so a reader knows where to read more.
 */
const PUBLICATIONS: { code: string; tag: RegExp; name: string; part?: (n: string) => string }[] = [
  { code: 'V-Zone', tag: /^V-Zone$/i, name: 'Barta & Barwise, *The 12 Powers of a Marketing Leader* (the Value Creation Zone)' },
  { code: 'CPV-n', tag: /^CPV(?:-(\d+)| beliefs)?$/i, name: 'Narducci, *Seven Leadership Principles for Creating Customer Powered Value*', part: (n) => `principle ${n}` },
  { code: 'Scale', tag: /^Scale$/i, name: '*Customer Value: Operating at Scale*' },
  { code: 'CVC', tag: /^CVC$/i, name: 'Klaidman & Drake, *Customer Value Creation*' },
  {
    code: 'S&-n',
    tag: /^S&-(\d+|def|card)$/i,
    name: 'Strategy&, *10 Principles of Customer Strategy*',
    part: (n) => (n === 'def' ? 'its definition of a customer strategy' : n === 'card' ? 'its closing advice on scorecards' : `principle ${n}`),
  },
];

/** "Narducci, *Seven…* (principles 1 and 3); Klaidman & Drake, *Customer Value Creation*". */
export function describeSources(source: string): string {
  const cited = new Map<string, string[]>();
  const unknown: string[] = [];
  for (const tag of source.split(',').map((t) => t.trim()).filter(Boolean)) {
    const pub = PUBLICATIONS.find((p) => p.tag.test(tag));
    if (!pub) {
      unknown.push(tag);
      continue;
    }
    const parts = cited.get(pub.name) ?? [];
    const n = pub.tag.exec(tag)?.[1];
    if (n && pub.part) parts.push(pub.part(n.toLowerCase()));
    cited.set(pub.name, parts);
  }
  const named = [...cited].map(([name, parts]) => (parts.length ? `${name} (${joinWords(parts)})` : name));
  return [...named, ...unknown].join('; ');
}

function joinWords(parts: string[]): string {
  const numbers = parts.filter((p) => p.startsWith('principle ')).map((p) => p.slice('principle '.length));
  const others = parts.filter((p) => !p.startsWith('principle '));
  const list = numbers.length > 1 ? [`principles ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`] : numbers.map((n) => `principle ${n}`);
  return [...list, ...others].join('; ');
}

/** What each family of source codes stands for ("S&-n": Strategy&, …), in the order the catalog cites them most. */
export const SOURCE_LEGEND: readonly { code: string; name: string }[] = [...PUBLICATIONS].reverse().map(({ code, name }) => ({ code, name }));
