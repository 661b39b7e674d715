/**
 * Rule pack and facility loaders: versioned rule tables chosen by date of service, and the
 * facility.yaml that maps payers to types and policies. Format: rules/README.md.
 */
export { ConfigError, displayPath, formatProblem } from './errors.js';
export type { RuleProblem } from './errors.js';
export type { RuleSource, RuleTable } from './types.js';
export { RuleSet } from './ruleset.js';
export type { RuleSetOptions, TableInput } from './ruleset.js';
export { builtinRulesDir, packageRoot } from './builtin.js';
export { formatRuleList, formatRuleShow } from './format.js';
export {
  cell,
  ndcFormatSchema,
  nocCodesSchema,
  registerTableSchema,
  registeredTableIds,
  tableSchema,
} from './schemas.js';
export type { NdcFormatData, NocCodesData } from './schemas.js';
export { dayNumber, inRange, isIsoDate } from './dates.js';
export {
  ENTITY_340B_TYPES,
  PAYER_TYPES,
  PayerResolver,
  compileMatch,
  defaultFacility,
  defaultPolicy,
  entity340bOn,
  loadFacility,
  parseFacilityText,
  policyInputSchema,
  severityOverride,
} from './facility.js';
export type {
  ChargeCapture,
  Entity340b,
  Entity340bPeriod,
  Facility,
  PayerEntry,
  PayerPolicy,
  PayerPolicyInput,
  PayerType,
  ResolvedPayer,
} from './facility.js';
// CMS tables written by `rules import` (schemas registered at load) and their lookups
export * from './cms.js';
export * from './cms-schemas.js';
// deleted and replaced drug codes (drug-billing.md section 8)
export * from './drug-code-schemas.js';
// the NDC container table of the JW/JZ checks (schema registered at load)
export * from './waste-schemas.js';
// which 340B modifier (JG/TB) by entity type and date of service (schema registered at load)
export * from './340b-schemas.js';
