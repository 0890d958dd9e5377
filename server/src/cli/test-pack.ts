/**
 * `stratlint test-pack <pack.yaml> [fixtures…]`: runs a pack's fixture plans and reports each
 * finding that differs from the fixture's marks. Fixtures default to the Markdown files in the
 * folder named after the pack, next to it (`acme.yaml` → `acme.tests/`).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { ConfigError } from '../engine/index';
import { MarkError } from '../engine/fixtures';
import { loadPackForTests, type PackCheck } from '../engine/pack-test';
import { UsageError } from './files';
import type { CliIO } from './main';
import { readText, ReadError } from './read';

export const TEST_PACK_HELP = `Usage: stratlint test-pack <pack.yaml> [fixtures…]

Lints each fixture plan with the pack's rules alone (every rule on) and compares the findings
with the marks in the fixture: <!-- expect rule-id "the exact words" --> on the line holding
the words, or <!-- expect rule-id --> on the title line for a plan-level finding. A fixture
without marks must draw no finding. Fixtures: the Markdown files named, or those in the folder
next to the pack named after it (acme.yaml → acme.tests/).

Exit codes: 0 every fixture matches; 1 a fixture differs; 2 bad usage, no fixtures or an invalid pack.`;

export async function testPack(args: readonly string[], io: CliIO): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(`${TEST_PACK_HELP}\n`);
    return 0;
  }
  const [packArg, ...fixtureArgs] = args;
  if (!packArg || packArg.startsWith('-')) {
    io.stderr.write('stratlint: test-pack needs the pack file: stratlint test-pack <pack.yaml> [fixtures…]\n');
    return 2;
  }
  const packFile = resolve(io.cwd, packArg);
  const shown = (f: string) => relative(io.cwd, f).replace(/\\/g, '/') || f;
  try {
    const pack = loadPackForTests(packFile);
    const fixtures = await fixtureFiles(packFile, fixtureArgs, io.cwd);
    if (fixtures.length === 0) {
      const folder = fixtureArgs.length ? fixtureArgs.join(', ') : shown(defaultFolder(packFile));
      io.stderr.write(`stratlint: no fixture plans (.md) found in ${folder}; write some: a plan per case, its expected findings marked <!-- expect rule-id "words" -->\n`);
      return 2;
    }
    let failed = 0;
    for (const file of fixtures) {
      let check: PackCheck;
      try {
        check = pack.check(readText(file, shown(file)));
      } catch (e) {
        if (e instanceof MarkError) throw new UsageError(`${shown(file)}: ${e.message}`);
        throw e;
      }
      const lines = report(check);
      failed += lines.length ? 1 : 0;
      io.stdout.write(lines.length ? `✖ ${shown(file)}\n${lines.join('\n')}\n` : `✔ ${shown(file)}\n`);
    }
    const one = fixtures.length === 1;
    const of = `${fixtures.length} fixture${one ? '' : 's'}`;
    io.stdout.write(failed ? `\n${failed} of ${of} differ${failed === 1 && one ? 's' : ''} from their marks\n` : `\n${of} match${one ? 'es its' : ' their'} marks (${pack.ruleIds.length} rules)\n`);
    return failed ? 1 : 0;
  } catch (e) {
    // An invalid pack, a fixture that cannot be read, a mark that names words not on its line.
    if (e instanceof ConfigError || e instanceof ReadError || e instanceof UsageError) {
      io.stderr.write(`stratlint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function report(check: PackCheck): string[] {
  return [
    ...check.missing.map((m) => `  missing     ${m}`),
    ...check.unexpected.map((m) => `  unexpected  ${m}`),
    ...check.strayMarks.map((m) => `  no such rule in the pack: ${m}`),
  ];
}

function defaultFolder(packFile: string): string {
  return join(dirname(packFile), `${basename(packFile, extname(packFile))}.tests`);
}

async function fixtureFiles(packFile: string, args: readonly string[], cwd: string): Promise<string[]> {
  const places = args.length ? args.map((a) => resolve(cwd, a)) : [defaultFolder(packFile)];
  const out: string[] = [];
  for (const place of places) {
    if (!existsSync(place)) {
      if (args.length) throw new UsageError(`No such file or folder: ${relative(cwd, place) || place}`);
      continue;
    }
    if (!statSync(place).isDirectory()) out.push(place);
    else out.push(...(await glob('**/*.{md,markdown}', { cwd: place, absolute: true })).sort());
  }
  return out;
}
