/**
 * The input columns of each kind as data (SPEC "Inputs"): canonical name, the record field it
 * fills, its type, whether the column is required, and the export headers accepted for it.
 *
 * Headers are compared with normaliseHeader (case, spaces and punctuation ignored), so an
 * alias "Svc Date" also matches "SVC_DATE" and "svc-date". Aliases are per kind and must never
 * be ambiguous: test/read/columns.test.ts asserts that no normalised alias maps to two columns.
 */
import type { InputKind } from '../model.js';

export type ColumnType =
  /** trimmed text, kept exactly (ids, NDC, revenue code, bill type: leading zeros matter) */
  | 'text'
  /** trimmed and upper-cased (HCPCS/CPT code, unit qualifiers) */
  | 'code'
  | 'date'
  /** a date-time kept with its text (MAR start/stop: unparseable is not an issue here) */
  | 'datetime'
  | 'number'
  | 'enum'
  /** claims modifiers: a list in one cell */
  | 'modifiers';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  /** the column must be present in the header (SPEC `*`) */
  required: boolean;
  /** export headers accepted besides the canonical name */
  aliases: readonly string[];
  /** number columns: smallest accepted value (undefined = any sign) */
  min?: number;
  /** enum columns: normalised spelling -> canonical value */
  values?: Readonly<Record<string, string>>;
  /** the value may identify a patient or a drug: never quoted in messages */
  sensitive?: boolean;
}

const PATIENT_ID = [
  'Patient ID', 'Patient', 'Pt ID', 'Pat ID', 'Patient Number', 'Patient No', 'Patient #',
  'MRN', 'MRN #', 'Medical Record Number', 'Medical Record No', 'Medical Record #', 'Med Rec No',
  'Med Rec Number', 'Patient MRN',
] as const;

const ENCOUNTER_ID = [
  'Encounter', 'Encounter ID', 'Encounter Number', 'Encounter No', 'Encounter #', 'Enc ID', 'Enc #',
  'Enc Number', 'CSN', 'Contact Serial Number', 'Visit', 'Visit ID', 'Visit Number', 'Visit No',
  'Visit #', 'Account', 'Account Number', 'Account No', 'Account #', 'Acct', 'Acct #', 'Acct No',
  'HAR', 'Hospital Account', 'FIN', 'FIN Number', 'FIN #',
] as const;

const NDC = [
  'NDC', 'NDC Code', 'NDC Number', 'NDC #', 'NDC No', 'NDC 11', 'NDC-11', 'National Drug Code',
] as const;

const DRUG = [
  'Drug', 'Drug Name', 'Drug Description', 'Medication', 'Medication Name', 'Medication Description',
  'Med', 'Med Name', 'Generic Name', 'Product', 'Product Name',
] as const;

const PAYER = [
  'Payer', 'Payer Name', 'Payor', 'Payor Name', 'Insurance', 'Insurance Name', 'Insurer', 'Carrier',
  'Primary Payer', 'Primary Payor', 'Primary Insurance', 'Health Plan', 'Plan Name',
] as const;

const WASTED = [
  'Wasted', 'Waste', 'Wasted Amount', 'Waste Amount', 'Wasted Qty', 'Waste Qty', 'Amount Wasted',
  'Discarded', 'Discarded Amount', 'Discarded Qty', 'Wastage',
] as const;

const INVENTORY_VALUES = { '340b': '340b', wac: 'wac', gpo: 'gpo' } as const;

const BILLING_MODEL_VALUES = {
  buyandbill: 'buy_and_bill', buybill: 'buy_and_bill', bnb: 'buy_and_bill',
  whitebag: 'white_bag', whitebagging: 'white_bag',
  brownbag: 'brown_bag', brownbagging: 'brown_bag',
  // clear bag (the health system's own specialty pharmacy): not hospital stock, read as white bag
  // (340b-and-billing-model.md section 8); the cell keeps its text in the input and annotated file
  clearbag: 'white_bag', clearbagging: 'white_bag',
} as const;

const PURPOSE_VALUES = {
  chemo: 'chemo', chemotherapy: 'chemo', antineoplastic: 'chemo',
  therapeutic: 'therapeutic', therapy: 'therapeutic', prophylactic: 'therapeutic',
  diagnostic: 'therapeutic', therapeuticprophylacticdiagnostic: 'therapeutic',
  hydration: 'hydration', hydrate: 'hydration',
} as const;

const STATUS_VALUES = {
  approved: 'approved', approve: 'approved', authorized: 'approved', authorised: 'approved',
  active: 'approved',
  pending: 'pending', pended: 'pending', inreview: 'pending', submitted: 'pending',
  denied: 'denied', deny: 'denied', declined: 'denied', rejected: 'denied',
} as const;

function modifierN(n: number): ColumnDef {
  const words = ['', 'First', 'Second', 'Third', 'Fourth'];
  return {
    name: `modifier_${n}`,
    type: 'code',
    required: false,
    aliases: [`Modifier ${n}`, `Mod ${n}`, `Modifier${n}`, `Mod${n}`, `${words[n]} Modifier`, `Modifier ${words[n]}`],
  };
}

export const COLUMNS: Readonly<Record<InputKind, readonly ColumnDef[]>> = {
  claims: [
    { name: 'claim_id', type: 'text', required: true, aliases: ['Claim ID', 'Claim', 'Claim #', 'Claim No', 'Claim Number', 'Claim Num', 'Claim Nbr'] },
    { name: 'line', type: 'text', required: true, aliases: ['Line', 'Line #', 'Line No', 'Line Number', 'Line Num', 'Line Nbr', 'Claim Line', 'Claim Line #', 'Service Line', 'Svc Line', 'Line Item', 'Line Seq', 'Line Sequence'] },
    { name: 'patient_id', type: 'text', required: true, aliases: PATIENT_ID, sensitive: true },
    { name: 'service_date', type: 'date', required: true, aliases: ['DOS', 'Svc Date', 'Svc Dt', 'Service Date', 'Service Dt', 'Date of Service', 'Dates of Service', 'DOS From', 'From DOS', 'Service From', 'Service From Date', 'From Date', 'Line DOS', 'Line Service Date'] },
    { name: 'payer', type: 'text', required: true, aliases: PAYER },
    { name: 'code', type: 'code', required: true, aliases: ['Code', 'HCPCS', 'CPT', 'HCPCS/CPT', 'CPT/HCPCS', 'HCPCS CPT', 'HCPCS Code', 'CPT Code', 'HCPCS/CPT Code', 'CPT/HCPCS Code', 'CPT4', 'CPT-4', 'Proc Code', 'Procedure Code', 'Proc', 'Procedure', 'Billing Code', 'Billed Code'] },
    { name: 'units', type: 'number', required: true, min: 0, aliases: ['Units', 'Unit', 'Qty', 'Quantity', 'Units Billed', 'Billed Units', 'Billed Qty', 'Service Units', 'Svc Units', 'Units of Service', 'UOS', 'HCPCS Units'] },
    { name: 'encounter_id', type: 'text', required: false, aliases: ENCOUNTER_ID },
    { name: 'modifiers', type: 'modifiers', required: false, aliases: ['Modifiers', 'Modifier', 'Modifier(s)', 'Mods', 'Mod', 'HCPCS Modifiers', 'CPT Modifiers', 'Line Modifiers'] },
    modifierN(1),
    modifierN(2),
    modifierN(3),
    modifierN(4),
    { name: 'charge', type: 'number', required: false, aliases: ['Charge', 'Charges', 'Charge Amount', 'Charge Amt', 'Line Charge', 'Total Charge', 'Total Charges', 'Billed Amount', 'Billed Charge', 'Billed Charges', 'Gross Charge', 'Amount'] },
    { name: 'ndc', type: 'text', required: false, aliases: NDC },
    { name: 'ndc_quantity', type: 'number', required: false, min: 0, aliases: ['NDC Qty', 'NDC Quantity', 'NDC Units', 'NDC Unit Count', 'Drug Quantity', 'Drug Qty'] },
    { name: 'ndc_unit', type: 'code', required: false, aliases: ['NDC Unit', 'NDC UOM', 'NDC Unit of Measure', 'NDC Qualifier', 'NDC Unit Qualifier', 'NDC Measure', 'Unit Qualifier', 'NDC Qty Qualifier', 'NDC Quantity Qualifier'] },
    { name: 'revenue_code', type: 'text', required: false, aliases: ['Revenue Code', 'Rev Code', 'Rev Cd', 'Rev', 'RC', 'UB Rev Code', 'Revenue Cd'] },
    { name: 'bill_type', type: 'text', required: false, aliases: ['Bill Type', 'Type of Bill', 'TOB', 'Bill Type Code', 'Bill Type Cd'] },
  ],
  mar: [
    { name: 'patient_id', type: 'text', required: true, aliases: PATIENT_ID, sensitive: true },
    { name: 'drug', type: 'text', required: true, aliases: DRUG, sensitive: true },
    { name: 'route', type: 'text', required: true, aliases: ['Route', 'Admin Route', 'Route of Administration', 'Administration Route', 'Med Route'] },
    { name: 'start', type: 'datetime', required: true, aliases: ['Start', 'Start Time', 'Start Date/Time', 'Start Datetime', 'Start Date Time', 'Start Dt Tm', 'Start Dt/Tm', 'Admin Start', 'Admin Start Time', 'Administration Start', 'Administration Start Time', 'Infusion Start', 'Infusion Start Time', 'Begin', 'Begin Time', 'Admin Time', 'Administration Time', 'Administered At', 'Given Time', 'Given At', 'Taken Time'] },
    { name: 'encounter_id', type: 'text', required: false, aliases: ENCOUNTER_ID },
    { name: 'administration_id', type: 'text', required: false, aliases: ['Administration ID', 'Administration Number', 'Admin ID', 'Admin #', 'Admin No', 'MAR ID', 'MAR Action ID', 'MAR Admin ID'] },
    { name: 'stop', type: 'datetime', required: false, aliases: ['Stop', 'Stop Time', 'Stop Date/Time', 'Stop Datetime', 'Stop Date Time', 'Stop Dt Tm', 'End', 'End Time', 'End Date/Time', 'End Datetime', 'Admin Stop', 'Admin End', 'Admin Stop Time', 'Admin End Time', 'Administration End', 'Administration Stop', 'Infusion Stop', 'Infusion End', 'Infusion Stop Time', 'Infusion End Time', 'Complete Time', 'Completed At'] },
    { name: 'dose', type: 'number', required: false, min: 0, aliases: ['Dose', 'Dose Given', 'Given Dose', 'Admin Dose', 'Administered Dose', 'Dose Amount', 'Amount Given', 'Dose Administered'] },
    { name: 'dose_unit', type: 'text', required: false, aliases: ['Dose Unit', 'Dose Units', 'Dose UOM', 'Dose Unit of Measure', 'Unit', 'UOM', 'Unit of Measure'] },
    { name: 'code', type: 'code', required: false, aliases: ['Code', 'HCPCS', 'HCPCS Code', 'Drug HCPCS', 'Drug Code', 'J Code', 'JCode', 'CPT', 'HCPCS/CPT'] },
    { name: 'ndc', type: 'text', required: false, aliases: NDC },
    { name: 'access_site', type: 'text', required: false, aliases: ['Access Site', 'Site', 'IV Site', 'IV Access', 'Access', 'Vascular Access', 'IV Line', 'Access Line', 'Line Type', 'Admin Site', 'Administration Site'] },
    { name: 'purpose', type: 'enum', required: false, values: PURPOSE_VALUES, aliases: ['Purpose', 'Infusion Purpose', 'Admin Purpose', 'Administration Purpose', 'Infusion Type', 'Therapy Type', 'Infusion Category'] },
    { name: 'wasted', type: 'number', required: false, min: 0, aliases: WASTED },
  ],
  dispense: [
    { name: 'dispense_id', type: 'text', required: true, aliases: ['Dispense ID', 'Dispense', 'Dispense #', 'Dispense No', 'Dispense Number', 'Dispensation ID', 'Disp ID', 'Fill ID', 'Rx', 'Rx #', 'Rx No', 'Rx Number', 'Prescription Number', 'Transaction ID'] },
    { name: 'patient_id', type: 'text', required: true, aliases: PATIENT_ID, sensitive: true },
    { name: 'dispense_date', type: 'date', required: true, aliases: ['Dispense Date', 'Dispense Dt', 'Dispensed', 'Dispensed Date', 'Dispensed On', 'Date Dispensed', 'Disp Date', 'Disp Dt', 'Fill Date', 'Transaction Date'] },
    { name: 'ndc', type: 'text', required: true, aliases: NDC },
    { name: 'quantity', type: 'number', required: true, min: 0, aliases: ['Quantity', 'Qty', 'Dispensed Qty', 'Dispensed Quantity', 'Dispense Qty', 'Dispense Quantity', 'Qty Dispensed', 'Quantity Dispensed', 'Disp Qty'] },
    { name: 'quantity_unit', type: 'text', required: false, aliases: ['Quantity Unit', 'Qty Unit', 'Qty UOM', 'Quantity UOM', 'Dispense Unit', 'Dispensed Unit', 'Unit', 'UOM', 'Unit of Measure'] },
    { name: 'encounter_id', type: 'text', required: false, aliases: ENCOUNTER_ID },
    { name: 'drug', type: 'text', required: false, aliases: DRUG, sensitive: true },
    { name: 'inventory', type: 'enum', required: false, values: INVENTORY_VALUES, aliases: ['Inventory', 'Inventory Type', 'Inventory Account', 'Account Type', 'Purchase Account', 'Purchasing Account', 'Replenishment Account', 'Accumulator', 'Price Type'] },
    { name: 'billing_model', type: 'enum', required: false, values: BILLING_MODEL_VALUES, aliases: ['Billing Model', 'Bill Model', 'Supply Model', 'Acquisition Model', 'Acquisition', 'Drug Source', 'Bagging'] },
    { name: 'wasted', type: 'number', required: false, min: 0, aliases: WASTED },
  ],
  auths: [
    { name: 'auth_id', type: 'text', required: true, aliases: ['Auth ID', 'Auth', 'Auth #', 'Auth No', 'Auth Number', 'Authorization', 'Authorization ID', 'Authorization Number', 'Authorization #', 'Prior Auth', 'Prior Auth #', 'Prior Auth Number', 'PA Number', 'PA #', 'PA ID', 'Reference Number', 'Ref #', 'Cert Number', 'Certification Number'] },
    { name: 'patient_id', type: 'text', required: true, aliases: PATIENT_ID, sensitive: true },
    { name: 'payer', type: 'text', required: true, aliases: PAYER },
    { name: 'code', type: 'code', required: true, aliases: ['Code', 'HCPCS', 'CPT', 'HCPCS/CPT', 'CPT/HCPCS', 'HCPCS Code', 'CPT Code', 'Proc Code', 'Procedure Code', 'Auth Code', 'Authorized Code', 'Service Code', 'Drug Code', 'J Code'] },
    { name: 'start_date', type: 'date', required: true, aliases: ['Start Date', 'Start', 'Start Dt', 'Auth Start', 'Auth Start Date', 'Effective Date', 'Effective From', 'Eff Date', 'Eff Dt', 'Begin Date', 'From', 'From Date', 'Valid From'] },
    { name: 'end_date', type: 'date', required: true, aliases: ['End Date', 'End', 'End Dt', 'Auth End', 'Auth End Date', 'Expiration Date', 'Expiration', 'Expiry', 'Expiry Date', 'Exp Date', 'Expires', 'Term Date', 'Through', 'Through Date', 'Thru', 'Thru Date', 'To', 'To Date', 'Valid To', 'Valid Through'] },
    { name: 'units_approved', type: 'number', required: false, min: 0, aliases: ['Units Approved', 'Approved Units', 'Units Authorized', 'Authorized Units', 'Auth Units', 'Units', 'Approved Qty', 'Qty Approved'] },
    { name: 'visits_approved', type: 'number', required: false, min: 0, aliases: ['Visits Approved', 'Approved Visits', 'Visits Authorized', 'Authorized Visits', 'Auth Visits', 'Visits', 'Number of Visits'] },
    { name: 'status', type: 'enum', required: false, values: STATUS_VALUES, aliases: ['Status', 'Auth Status', 'Authorization Status', 'PA Status', 'Decision', 'Determination'] },
  ],
};

/** Column definition by kind and canonical name. */
export function columnDef(kind: InputKind, name: string): ColumnDef | undefined {
  return COLUMNS[kind].find((c) => c.name === name);
}

/** Human list of the canonical values of an enum column, e.g. "340b, wac or gpo". */
export function enumChoices(def: ColumnDef): string {
  const vals = [...new Set(Object.values(def.values ?? {}))];
  return vals.length <= 1 ? vals.join('') : vals.slice(0, -1).join(', ') + ' or ' + vals[vals.length - 1];
}
