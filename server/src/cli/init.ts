import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtinRulesDir, CONFIG_NAMES } from '../engine/index';
import { projectHome } from '../engine/rules/home';

/** What `stratlint --init` writes, relative to the folder it runs in. */
export const INIT_CONFIG = '.stratlint.yaml';
export const INIT_WORKFLOW = '.github/workflows/stratlint.yml';

/** A starter config that changes nothing (the recommended rules) and says, in comments, what each key does. */
export function starterConfig(home = projectHome(builtinRulesDir())): string {
  return `# Stratlint: which Markdown files are customer-strategy plans, and which principles they must meet.
# Every key: ${home.repository}/blob/v${home.version}/docs/configure.md

# Stop looking for configs in the folders above. Leave it out in a subfolder whose config should
# add to its parent's.
root: true

# Built-in packs: stratlint:recommended (this default), stratlint:strict (every rule, one step more
# severe), stratlint:all. Packs of your own come after: ./strategy-rules/acme.yaml or an npm package.
extends: stratlint:recommended

# Which Markdown files are plans when Stratlint is given a folder or glob (files named on the
# command line are always linted). The default:
# files: ["**/*strategy*.md", "**/*plan*.md", "**/strategy/**/*.md", "**/strategies/**/*.md", "**/plans/**/*.md"]

# Files never linted through a folder or glob:
# ignore: ["archive/**"]

# Levels (off, info, warning, error) and options per rule; each rule's page says what it takes:
# ${home.repository}/blob/v${home.version}/rules/<rule-id>/README.md
# rules:
#   buzzword-fluff: off
#   time-horizon: [warning, { minYears: 3, maxYears: 5 }]
`;
}

/** The GitHub workflow of examples/ci/github-workflow.yml, on the action of this version. */
export function starterWorkflow(home = projectHome(builtinRulesDir())): string {
  const action = new URL(home.repository).pathname.slice(1);
  return `# .github/workflows/stratlint.yml (\`npx stratlint --init\` writes it). On every pull request that
# touches Markdown it lints the plans the pull request changed: findings appear as annotations on
# the changed lines, the job summary shows each plan's principle coverage before → after, and
# (optionally) the findings go to code scanning as SARIF.
name: Stratlint

on:
  pull_request:
    paths: ['**/*.md', '.stratlint.*']

permissions:
  contents: read
  security-events: write # only needed for upload-sarif

jobs:
  stratlint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # --changed-since compares with the base branch, so it needs its history

      # Stratlint's action.yml is at the root of its repository; pin a release tag or a commit.
      - uses: ${action}@v${home.version}
        with:
          paths: .
          changed-since: origin/\${{ github.base_ref }}
          # baseline: .stratlint-baseline.json   # report only findings not accepted yet
          fail-level: error
          upload-sarif: 'true'
`;
}

/**
 * `stratlint --init`: writes the starter config and workflow into `cwd`, keeping any that exist
 * (a config under another name counts: two configs in one folder are an error). Returns one line
 * per file saying what happened.
 */
export function init(cwd: string): string[] {
  const existingConfig = CONFIG_NAMES.find((n) => existsSync(join(cwd, n)));
  const out: string[] = [];
  const write = (name: string, text: string, existing = existsSync(join(cwd, name)) ? name : undefined) => {
    if (existing) return out.push(`kept ${existing}: it exists already`);
    mkdirSync(dirname(join(cwd, name)), { recursive: true });
    writeFileSync(join(cwd, name), text, { flag: 'wx' });
    out.push(`wrote ${name}`);
  };
  write(INIT_CONFIG, starterConfig(), existingConfig);
  write(INIT_WORKFLOW, starterWorkflow());
  return out;
}
