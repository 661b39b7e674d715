/**
 * What the `billing-model` checks share (shared/domain/340b-and-billing-model.md section 8): the
 * source text and the price of a dose (units x P, the ASP payment limit of the date of service).
 */
import type { PayerType, RuleSet } from '../../rules/index.js';
import { drugAmount, drugPrice } from '../drug/lines.js';

export const SOURCE_NOTE =
  'shared/domain/340b-and-billing-model.md section 8 (white bag: APhA, UHC oncology sourcing 2021/2022; brown bag: Rxference; BridgeSpan $0.01 drug line; Oklahoma HealthChoice named drug line; NGS Medicare patient-supplied drugs at $0.01); payer policy bag (rules/README.md, facility.yaml)';

/** The price of `units` of a code on a date (units x P), with the ASP release; undefined when no price is known. */
export function doseAmount(rules: RuleSet, code: string, date: string, payerType: PayerType, units: number): { amount: number; release: string; estimate: boolean } | undefined {
  const p = drugPrice(rules, code, date, payerType);
  const amount = drugAmount(p, units);
  return p && amount !== undefined ? { amount, release: p.release, estimate: p.estimate } : undefined;
}
