import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintWith } from './support/fixtures';

const fixture = (name: string) => readFileSync(join(__dirname, 'rules/value-creation-zone', name), 'utf8');
const messages = (text: string) => lintWith(text, 'value-creation-zone').map((f) => f.message);

describe('value-creation-zone', () => {
  it('names the missing side: company value when only customer value is stated', () => {
    const [m] = messages(fixture('fires-customer-value-only.md'));
    assert.match(m, /^This plan says what customers gain but never what the company gains/);
  });

  it('names the missing side: customer value when only company goals are stated', () => {
    const [m] = messages(fixture('fires-company-value-only.md'));
    assert.match(m, /^This plan sets company goals .* but never says what customers gain/);
  });

  it('fires when the plan states neither side: reviewers never read the principle as not applicable', () => {
    const [m, ...rest] = messages('# Platform plan\n\n## Roadmap\n\n- Migrate the database.\n- Ship dark mode.\n');
    assert.deepEqual(rest, []);
    assert.match(m, /^This plan states neither what customers gain nor what the organisation gains/);
  });
});
