/** The plan-level principles in the order of the catalog's first table (spec/rules.md). */
export const CATALOG = [
  'customer-outcomes',
  'target-customers',
  'right-to-win',
  'value-proposition',
  'value-creation-zone',
  'balanced-scorecard',
  'capabilities',
  'customer-feedback-loop',
  'time-horizon',
  'ecosystem',
  'ownership',
  'experimentation',
  'sustained-capability',
  'no-tradeoffs',
];
