import type { ClaimLine, MarRow } from '../../model.js';
import type { PayerPolicy } from '../../rules/index.js';
import type { Check, CheckContext, Encounter } from '../types.js';
import { compareAdmin } from '../admin/billed.js';
import { adminAmount, adminPrice } from '../admin/price.js';
import { dispenseCodes, isNocCode } from '../drug/lines.js';
import { describeStatus, type DrugAcquisition } from '../340b/acquisition.js';
import { SOURCE_NOTE, baggedLines, describeGiven, doseBilled, eachDose, expectedFor, givenOf, hasBaggedRow, isNominal, lineFinding, type Dose } from './common.js';

type Bag = PayerPolicy['bag'];

const WANTS_LINE = (p: Bag): boolean => p.drugLine === 'penny' || p.drugLine === 'named';

/**
 * `billing-model.bag-line-missing`: the payer's bag policy asks for a drug line beside the
 * administration of a white/brown-bagged dose (`drugLine: penny`, BridgeSpan; `named`,
 * Oklahoma HealthChoice) and
 * - the dose (MAR administration on the date, every dispense row of the drug white/brown bag) has
 *   no drug line on the date (its HCPCS, its NDC, or a NOC code): on the MAR row; amountAtRisk = the
 *   OPPS rate of the billed administration lines the MAR ties to that dose alone, direction
 *   `denial` (BridgeSpan denies the administration without the drug HCPCS);
 * - or the nominal line there is not in the form the policy asks: `penny` and $0.00, `named`
 *   without an NDC or under a NOC code where the drug has a HCPCS: on the line, no amount.
 * Never on the administration lines. A dose without a dispense row (unknown), a buy-and-bill or
 * partly bagged one, and a line charged over $0.01 (`bag-charged`) are not this check's. Not judged
 * when a claim row of the encounter was unreadable. Early exit: no bagged dispense row.
 */
export const bagLineMissing: Check = {
  id: 'billing-model.bag-line-missing',
  category: 'billing-model',
  severity: 'warning',
  needs: ['claims', 'mar', 'dispense'],
  ruleTables: ['drug-catalog', 'asp-crosswalk', 'opps-status', 'admin-codes', 'admin-hierarchy', 'admin-timing', 'admin-terms'],
  docs: {
    summary: 'The payer wants a $0.01 (drugLine: penny) or $0.00/$0.01 named (drugLine: named) drug line beside the administration of a white- or brown-bagged drug, and the claim has none, or its nominal line is not in that form.',
    why: 'The administration of a drug the hospital did not buy stays billable, but some payers pay it only when the claim also names the drug: BridgeSpan denies an administration without a drug HCPCS and asks for the drug line at $0.01 when another provider was paid for the drug; Oklahoma HealthChoice asks for the drug (HCPCS and NDC) on the claim even when no payment is asked; NGS asks Medicare Part B providers to bill patient-supplied drugs at $0.01. These are per-payer policies (facility.yaml payers[].policy.bag), not a general rule: UnitedHealthcare-style sourcing wants no drug line (drugLine: none). Our decisions: a bagged dose is a MAR administration on the date whose drug\'s dispense rows are all white_bag/brown_bag (clear_bag reads as white_bag); no dispense row = unknown, no finding; a NOC line of the date counts as a drug line (it may be this drug). amountAtRisk (direction denial, an estimate) = units x the OPPS Addendum B national rate of the separately paid administration lines billed that the MAR derivation ties to the bagged dose alone (none when the MAR cannot be coded or the codes are packaged); a missing administration is the administration-coding checks\' (revenue missed), never this one\'s. The form of a present nominal line is judged here too, on the line and without an amount: penny and $0.00 (BridgeSpan\'s text asks for $0.01, a decision of ours to hold it to that), named without an NDC or under a NOC code where the NDC crosswalks to a HCPCS (the line does not name the drug). The modifier is billing-model.bag-modifier\'s, a charge over $0.01 billing-model.bag-charged\'s.',
    source: `${SOURCE_NOTE}; BridgeSpan: https://bridgespanhealth.com/provider/claims-payment/claims-submission/medication-claims; HealthChoice: https://aem-prod.oklahoma.gov/healthchoice/providers/policies-guidelines.html; NGS: https://www.ngsmedicare.com/web/ngs/news-article-details?selectedArticleId=3999440; OPPS Addendum B (CMS) for the administration rates.`,
    fix: 'Add the drug line beside the administration as the payer asks (penny: the HCPCS at $0.01; named: the HCPCS at $0.00 or $0.01 with the N4 NDC, quantity and unit), with the payer\'s modifier if its policy names one; if the payer does not want it, correct facility.yaml payers[].policy.bag.drugLine.',
  },
  perEncounter(enc, ctx) {
    if (!hasBaggedRow(enc) || enc.claims.length === 0) return;
    lineForm(enc, ctx);
    if (enc.mar.length === 0 || enc.claimsIncomplete) return;
    const first = enc.claims[0] as ClaimLine;
    const policy = ctx.payers.resolve(first.payer).policy.bag;
    if (!WANTS_LINE(policy)) return;
    eachDose(enc, ctx.rules, (d) => {
      if (d.bagged < d.rows.length || doseBilled(enc.claims, d, ctx.rules)) return;
      missing(enc, ctx, d, policy, first);
    });
  },
};

function missing(enc: Encounter, ctx: CheckContext, d: Dose, policy: Bag, claim: ClaimLine): void {
  const given = givenOf(enc, ctx.rules, d);
  const code = d.codes[0] as string;
  const what = d.codes.length === 1 ? code : d.codes.join(' or ');
  const model = d.rows.every((r) => r.billingModel === 'brown_bag') ? 'brought by the patient (brown bag)' : 'shipped by the payer\'s specialty pharmacy (white bag)';
  const risk = atRisk(enc, ctx, given, d.date);
  const riskText = !risk
    ? 'the administration lines at risk could not be told from the MAR'
    : risk.amount > 0
      ? `the administration may deny without it: ${risk.parts.join(' + ')}${risk.parts.length > 1 ? ` = $${risk.amount.toFixed(2)}` : ''} (${risk.release}, an estimate)`
      : 'no separately paid administration line billed for the dose';
  ctx.report({
    message: `${describeGiven(d, given)}, ${model} (${d.rows.map((r) => r.dispenseId).join(', ')}); the payer's bag policy is drugLine: ${policy.drugLine} and the claim has no ${what} line for ${d.date}; ${riskText}.`,
    records: [
      ...given.map((g) => ({ kind: 'mar' as const, record: g, column: 'drug' })),
      ...d.rows.map((r) => ({ kind: 'dispense' as const, record: r, column: 'billing_model' })),
    ],
    patientId: enc.patientId,
    claimId: claim.claimId,
    serviceDate: d.date,
    code,
    expected: `${expectedFor(policy, what)} beside the administration on ${d.date}`,
    ...(risk && risk.amount > 0 ? { amountAtRisk: risk.amount, direction: 'denial' as const } : {}),
  });
}

/**
 * The billed administration lines the MAR derivation ties to these administrations alone (every
 * MAR row behind the derived line is one of them), at most the units billed of each code, priced
 * at the OPPS rate; undefined when the MAR cannot be coded.
 */
function atRisk(enc: Encounter, ctx: CheckContext, given: readonly MarRow[], date: string): { amount: number; parts: string[]; release: string } | undefined {
  const cmp = compareAdmin(enc, ctx);
  if (!cmp) return undefined;
  const refs = new Set(given.map((g) => enc.mar.indexOf(g)));
  const units = new Map<string, number>();
  for (const l of cmp.derivation.lines) {
    if (l.serviceDate === date && l.refs.length > 0 && l.refs.every((r) => refs.has(r))) units.set(l.code, (units.get(l.code) ?? 0) + l.units);
  }
  let amount = 0;
  let release = '';
  const parts: string[] = [];
  for (const [code, u] of [...units].sort(([a], [b]) => a.localeCompare(b))) {
    const billed = cmp.billedByCode.get(code);
    const n = Math.min(u, billed?.units ?? 0);
    const a = n > 0 ? adminAmount(ctx.rules, code, n, date) : undefined;
    if (!billed || a === undefined) continue;
    amount += a;
    release ||= adminPrice(ctx.rules, code, date)?.release ?? '';
    parts.push(`${code}${n > 1 ? ` x${n}` : ''} (line ${billed.claims.map((c) => c.line).join(', ')}) at $${a.toFixed(2)}`);
  }
  return { amount: Math.round(amount * 100) / 100, parts, release };
}

/** A present nominal line of a bagged dose that is not in the form the payer's policy asks. */
function lineForm(enc: Encounter, ctx: CheckContext): void {
  for (const a of baggedLines(enc, ctx.rules)) {
    const l = a.line;
    if (!isNominal(l)) continue;
    const policy = ctx.payers.resolve(l.payer).policy.bag;
    if (!WANTS_LINE(policy)) continue;
    const fault = formFault(a, policy, ctx);
    if (!fault) continue;
    const message = `${l.code} line ${l.line} for a dose ${describeStatus(a)} ${fault.what}; the payer's bag policy is drugLine: ${policy.drugLine}.`;
    ctx.report({ ...lineFinding(enc, a, fault.column, message, expectedFor(policy, fault.code)), discriminator: `form:${fault.column}` });
  }
}

function formFault(a: DrugAcquisition, policy: Bag, ctx: CheckContext): { what: string; column: string; code: string } | undefined {
  const l = a.line;
  if (policy.drugLine === 'penny') return l.charge === 0 ? { what: 'is billed at $0.00 where the payer asks for $0.01', column: 'charge', code: l.code } : undefined;
  if (isNocCode(ctx.rules, l.code, l.serviceDate)) {
    const codes = [...new Set(a.rows.flatMap((r) => dispenseCodes(ctx.rules, r)))];
    if (codes.length > 0) return { what: `is billed under the NOC code ${l.code} where the dispensed NDC is ${codes.join(' or ')}: the line does not name the drug`, column: 'code', code: codes.join(' or ') };
  }
  // an unreadable NDC is ndc.malformed's
  if (l.ndc === undefined || l.ndc.trim() === '') return { what: 'carries no NDC: the line does not name the drug', column: 'ndc', code: l.code };
  return undefined;
}
