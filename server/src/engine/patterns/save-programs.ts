import { isDeepStrictEqual } from 'node:util';
import type { RE2JS } from 're2js';
import { builtinRules } from '../rules/builtin';
import { collectCompiled } from './pattern';
import { requiredAtomSets } from './atoms';
import { AtomScanner } from './prefilter';
import { appendTables, appendWords, encodePrograms, type ProgramHeader, readTables, rebuildProgram, runeArrays, saveableProgram } from './programs';

/**
 * The built-in rules' compiled programs, as dist/programs.bin holds them (run by the build). Each
 * program is rebuilt from what is saved and compared with the original: a difference (a re2js
 * version this does not understand) fails the build rather than a lint.
 */
export function builtinProgramsFile(): Buffer {
  const index: Record<string, ProgramHeader> = {};
  const atoms = new Map<string, number>();
  const runeLists = new Map<string, number>();
  const runeList = (runes: Int32Array) => {
    const key = runes.join(',');
    return runeLists.get(key) ?? (runeLists.set(key, runeLists.size), runeLists.size - 1);
  };
  const body: number[] = [];
  const compiled: [string, RE2JS][] = [];
  collectCompiled(
    () => builtinRules('https://example.invalid/rules'),
    (source, re) => compiled.push([source, re]),
  );
  for (const [source, re] of compiled) {
    if (index[source]) continue;
    const saveable = saveableProgram(re, runeList);
    if (!saveable) continue;
    index[source] = { at: appendWords(body, saveable.words), ...saveable.header };
    const required = requiredAtomSets(re);
    if (required.length > 0) index[source].atoms = required.map((set) => set.map((a) => atoms.get(a) ?? (atoms.set(a, atoms.size), atoms.size - 1)));
  }
  const atomList = [...atoms.keys()];
  const tables = new AtomScanner(atomList).tables;
  const scanner = appendTables(body, tables);
  const bytes = Uint8Array.from(body);
  if (!isDeepStrictEqual(readTables(bytes, scanner), tables)) throw new Error('stratlint: the saved atom scanner differs from the built one');
  const runes = [...runeLists.keys()].map((key) => (key ? key.split(',').map(Number) : []));
  const runeArray = runeArrays(runes);
  for (const [source, re] of compiled) {
    const header = index[source];
    if (header && !sameProgram(re, rebuildProgram(source, header, bytes, runeArray))) throw new Error(`stratlint: the saved program of ${JSON.stringify(source.slice(0, 80))} differs from the compiled one`);
  }
  return encodePrograms({ atoms: atomList, runes, programs: index, scanner }, bytes);
}

/** Whether two compiled patterns hold the same program and what RE2 and its DFA derived from it (the prefilter aside). */
function sameProgram(a: RE2JS, b: RE2JS): boolean {
  const strip = (re: RE2JS) => {
    const { prefilter: _p, machinePool: _m, lazyDFA: _d, ...rest } = (re as unknown as { re2Input: Record<string, unknown> }).re2Input;
    return rest;
  };
  const dfa = (re: RE2JS) => ({ ...(re as unknown as { re2Input: { dfa: object } }).re2Input.dfa });
  return isDeepStrictEqual(strip(a), strip(b)) && isDeepStrictEqual(dfa(a), dfa(b));
}
