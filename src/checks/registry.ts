import type { Check, ReaderCheck } from './types.js';
import { readerChecks } from './input/reader.js';
import { duplicateLine } from './input/duplicate-line.js';
import { impossibleValue } from './input/impossible.js';
import { ndcAmbiguous } from './input/ndc-ambiguous.js';
import { ndcMalformed } from './ndc/malformed.js';
import { ndcMissing } from './ndc/missing.js';
import { ndcIncomplete } from './ndc/incomplete.js';
import { ndcQuantity } from './ndc/quantity.js';
import { ndcDispenseMismatch } from './ndc/dispense-mismatch.js';
import { ndcNotLinked } from './ndc/not-linked.js';
import { ndcUnknown } from './ndc/unknown.js';
import { unknownDrug } from './drug/unknown-drug.js';
import { unitsOver } from './units/over.js';
import { unitsUnder } from './units/under.js';
import { unitsUnverifiable } from './units/unverifiable.js';
import { unitsOverDispensed } from './units/over-dispensed.js';
import { unitsMue } from './units/mue.js';
import { drugCodeMismatch } from './drug-code/mismatch.js';
import { nocHasCode } from './drug-code/noc-has-code.js';
import { nocUnsupported } from './drug-code/noc-unsupported.js';
import { c9399 } from './drug-code/c9399.js';
import { drugCodeDeleted } from './drug-code/deleted.js';
import { codeSet } from './hierarchy/code-set.js';
import { addOnWithoutPrimary } from './hierarchy/add-on-primary.js';
import { multipleInitial } from './hierarchy/initial.js';
import { concurrentOnce } from './hierarchy/concurrent.js';
import { ncciPtp } from './hierarchy/ptp.js';
import { adminMue } from './hierarchy/mue.js';
import { timeUnits } from './documentation/time-units.js';
import { startStop } from './documentation/start-stop.js';
import { uncoveredAdministration } from './documentation/uncovered.js';
import { timeImpossible } from './documentation/time-impossible.js';
import { wasteJwMissing } from './waste/jw-missing.js';
import { wasteJzMissing } from './waste/jz-missing.js';
import { wasteUndocumented } from './waste/undocumented.js';
import { wasteJzWithWaste } from './waste/jz-with-waste.js';
import { wasteJwUnits } from './waste/jw-units.js';
import { wasteJwUndocumented } from './waste/jw-undocumented.js';
import { wasteBoth } from './waste/both.js';
import { wasteJwNotAllowed } from './waste/jw-not-allowed.js';
import { wasteVialSelection } from './waste/vial-selection.js';
import { wasteNotVerifiable } from './waste/not-verifiable.js';
import { missing340b } from './340b/missing.js';
import { wrong340b } from './340b/wrong.js';
import { not340b } from './340b/not-340b.js';
import { mixed340b } from './340b/mixed.js';
import { duplicateDiscount340b } from './340b/duplicate-discount.js';
import { medicaidIdentifier340b } from './340b/medicaid-identifier.js';
import { medicaidUnconfigured340b } from './340b/medicaid-unconfigured.js';
import { bagCharged } from './billing-model/bag-charged.js';
import { bagLineUnwanted } from './billing-model/bag-line-unwanted.js';
import { bagLineMissing } from './billing-model/bag-line-missing.js';
import { bagModifier } from './billing-model/bag-modifier.js';
import { notBilled } from './billing-model/not-billed.js';

/** Every check the tool runs, in the order they run. Add new checks here (and a test table). */
export const CHECKS: readonly Check[] = [
  duplicateLine,
  impossibleValue,
  ndcAmbiguous,
  ndcMalformed,
  ndcMissing,
  ndcIncomplete,
  ndcQuantity,
  ndcDispenseMismatch,
  ndcNotLinked,
  ndcUnknown,
  unknownDrug,
  startStop,
  codeSet,
  timeUnits,
  uncoveredAdministration,
  timeImpossible,
  addOnWithoutPrimary,
  multipleInitial,
  concurrentOnce,
  ncciPtp,
  adminMue,
  drugCodeDeleted,
  drugCodeMismatch,
  nocHasCode,
  nocUnsupported,
  c9399,
  unitsOver,
  unitsUnder,
  unitsUnverifiable,
  unitsOverDispensed,
  unitsMue,
  wasteJwMissing,
  wasteJzMissing,
  wasteUndocumented,
  wasteJzWithWaste,
  wasteJwUnits,
  wasteJwUndocumented,
  wasteBoth,
  wasteJwNotAllowed,
  wasteVialSelection,
  wasteNotVerifiable,
  missing340b,
  wrong340b,
  not340b,
  mixed340b,
  duplicateDiscount340b,
  medicaidIdentifier340b,
  medicaidUnconfigured340b,
  bagCharged,
  bagLineUnwanted,
  bagLineMissing,
  bagModifier,
  notBilled,
];

/** Checks raised by the read layer: documented here, raised by the pipeline. */
export const READER_CHECKS: readonly ReaderCheck[] = readerChecks;

export const ALL_CHECKS: readonly Check[] = [...READER_CHECKS, ...CHECKS];

const byId = new Map(ALL_CHECKS.map((c) => [c.id, c] as const));

export function findCheck(id: string): Check | undefined {
  return byId.get(id);
}
