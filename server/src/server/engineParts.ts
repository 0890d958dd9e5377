/** What the server loads through `engineSide()` (see engineSide.ts). */
export { CONFIG_NAMES } from '../engine/index';
export { ConfigProblems } from './configProblems';
export { codeActions, resolveFixAll } from './features/codeActions';
export { completions, startsHeading } from './features/completion';
export { codeLenses, statusOf } from './features/coverage';
export { diagnosticReport, diagnosticsOf } from './features/diagnostics';
export { hover } from './features/hover';
export { newPlanTemplate } from './features/newPlan';
export { scorecardOf } from './features/scorecard';
export { documentSymbols } from './features/symbols';
export { SizedSettings } from './largeDocuments';
export { Linter } from './linting';
