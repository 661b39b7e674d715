/** Internal structures of the sample generator (not the auditor's model). */

import type { Drug, DrugPackage, Payer } from './catalog.js';
import type { Assignment, SampleRoute } from './coding.js';
import type { Regimen } from './regimens.js';

/** a planted problem attached to the row that shows it */
export interface PlantTag {
  kind: string;
  ruleId: string;
  description: string;
}

export interface Patient {
  num: number;
  id: string;
  payer: Payer;
  regimen: Regimen;
  interval: number;
  /** visits left in the course, this one included */
  remaining: number;
  visitNo: number;
  weight: number;
  bsa: number;
  gfr: number;
  choice: Record<string, string>;
  whiteBag: boolean;
  /** times the current visit was moved to the next business day */
  moved: number;
  /** current authorization per HCPCS */
  auths: Map<string, AuthRec>;
}

export interface MarRec {
  id: string;
  drug: Drug;
  /** dose in drug.doseUnit */
  dose: number;
  route: SampleRoute;
  site: string;
  /** minutes from midnight of the date of service */
  start: number;
  stop: number | null;
  purpose: string;
  /** discarded amount in drug.doseUnit; null = not charted */
  wasted: number | null;
  startText?: string;
  stopText?: string;
  routeText?: string;
  plant?: PlantTag;
}

export interface DrugGroup {
  drug: Drug;
  admins: MarRec[];
  pkg: DrugPackage;
  vials: number;
  /** dose and waste in thousandths of drug.codeUnit */
  doseMilli: number;
  wasteMilli: number;
  adminUnits: number;
  jwUnits: number;
  inventory: '' | '340b' | 'wac' | 'gpo';
  model: 'buy_and_bill' | 'white_bag';
  dispense: DispenseRec;
  /** claim lines of this drug (administered line first, then JW) */
  lines: LineRec[];
}

export interface LineRec {
  code: string;
  modifiers: string[];
  units: string;
  charge: string;
  ndc: string;
  ndcQty: string;
  ndcUnit: string;
  rev: string;
  group?: DrugGroup;
  isJW?: boolean;
  /** an exact copy of the previous line: keeps its line number (planted) */
  repeatPrevious?: boolean;
  /** service_date text override (planted) */
  dateText?: string;
  plant?: PlantTag;
}

export interface DispenseRec {
  id: string;
  drugName: string;
  ndc: string;
  quantity: string;
  unit: string;
  inventory: string;
  model: string;
  plant?: PlantTag;
}

export interface AuthRec {
  id: string;
  patientId: string;
  payer: string;
  code: string;
  start: number;
  end: number;
  units: number;
  visits: number;
  status: 'approved' | 'pending' | 'denied';
  span: number;
}

export interface Encounter {
  id: string;
  claimId: string;
  patient: Patient;
  day: number;
  mar: MarRec[];
  assignments: Assignment[];
  groups: DrugGroup[];
  lines: LineRec[];
  dispenses: DispenseRec[];
  /** auths created at this encounter (first visit or renewal) */
  newAuths: AuthRec[];
}
