/**
 * `infusion-audit code --mar FILE`: the facility administration codes each encounter's MAR supports,
 * from MAR rows alone, with the reason for every line. The same derivation fills report.json
 * `encounters[].expectedAdminCodes` in `audit`.
 */
import type { AdminCode, MarRow } from '../model.js';
import { openInput, loadProfile, type MappingProfile } from '../read/index.js';
import { RuleSet, builtinRulesDir, defaultFacility, loadFacility, type Facility } from '../rules/index.js';
import { codingFor } from '../checks/admin/mar-input.js';
import { summariseLines, type Derivation } from '../checks/admin/derive.js';
import type { Encounter } from '../checks/types.js';
import { csvRecord } from '../report/format.js';

export type CodeFormat = 'table' | 'json' | 'csv';

export interface CodeOptions {
  mar: string;
  format: CodeFormat;
  facility?: string;
  rules: string[];
  profile?: string;
  sheet?: string;
}

export interface CodedEncounter {
  encounterId: string;
  patientId: string;
  serviceDate: string;
  billedAdminCodes: AdminCode[];
  expectedAdminCodes: AdminCode[];
  /** additive: the expected lines with their date, role, reason and MAR rows */
  lines: { serviceDate: string; code: string; units: number; modifiers: string[]; role: string; reason: string; marRows: number[] }[];
  notCoded: { reason: string; marRows: number[] }[];
  problems: { kind: string; message: string; marRow: number }[];
  complete: boolean;
}

export interface CodeOutcome {
  encounters: CodedEncounter[];
  /** rows that could not be read, each with its message (printed on stderr) */
  unreadable: string[];
  text: string;
}

export async function runCode(o: CodeOptions): Promise<CodeOutcome> {
  const facility: Facility = o.facility !== undefined ? await loadFacility(o.facility) : defaultFacility();
  const rules = await RuleSet.load([builtinRulesDir(), ...o.rules], { pins: facility.rules });
  const profile: MappingProfile | undefined = o.profile !== undefined ? loadProfile(o.profile) : undefined;
  const input = await openInput('mar', o.mar, { inputIndex: 0, ...(o.sheet !== undefined ? { sheet: o.sheet } : {}), ...(profile ? { profile } : {}) });
  const groups = new Map<string, MarRow[]>();
  const unreadable: string[] = [];
  for await (const pr of input.rows()) {
    for (const issue of pr.issues) if (issue.severity === 'error') unreadable.push(`${o.mar}: row ${pr.row}${issue.column ? `, column ${issue.column}` : ''}: ${issue.message}`);
    const r = pr.record;
    if (!r) continue;
    const key = r.encounterId ?? `${r.patientId}|${r.date ?? r.startText}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const encounters: CodedEncounter[] = [];
  for (const [key, mar] of groups) {
    const first = mar[0] as MarRow;
    const dates = mar.map((m) => m.date).filter((d): d is string => d !== undefined).sort();
    const enc: Encounter = { key, patientId: first.patientId, serviceDate: dates[0] ?? '', claims: [], mar, dispense: [], auths: [] };
    if (first.encounterId !== undefined) enc.encounterId = first.encounterId;
    const d = enc.serviceDate ? codingFor(enc, { rules, facility }) : undefined;
    encounters.push(codedEncounter(enc, d));
  }
  encounters.sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.encounterId.localeCompare(b.encounterId));
  const text = o.format === 'json' ? JSON.stringify({ encounters }, null, 2) + '\n' : o.format === 'csv' ? toCsv(encounters) : toTable(encounters);
  return { encounters, unreadable, text };
}

export function codedEncounter(enc: Encounter, d: Derivation | undefined): CodedEncounter {
  const row = (i: number) => enc.mar[i]?.row ?? 0;
  return {
    encounterId: enc.encounterId ?? enc.key,
    patientId: enc.patientId,
    serviceDate: enc.serviceDate,
    billedAdminCodes: [],
    expectedAdminCodes: d ? summariseLines(d.lines) : [],
    lines: (d?.lines ?? []).map((l) => ({ serviceDate: l.serviceDate, code: l.code, units: l.units, modifiers: l.modifiers, role: l.role, reason: l.reason, marRows: l.refs.map(row) })),
    notCoded: (d?.notCoded ?? []).map((n) => ({ reason: n.reason, marRows: n.refs.map(row) })),
    problems: (d?.problems ?? []).map((p) => ({ kind: p.kind, message: p.message, marRow: row(p.ref) })),
    complete: d?.complete ?? false,
  };
}

function toCsv(encounters: readonly CodedEncounter[]): string {
  const out = [csvRecord(['encounter_id', 'patient_id', 'service_date', 'code', 'units', 'modifiers', 'role', 'reason', 'mar_rows', 'complete'])];
  for (const e of encounters) {
    for (const l of e.lines) {
      out.push(csvRecord([e.encounterId, e.patientId, l.serviceDate, l.code, String(l.units), l.modifiers.join(' '), l.role, l.reason, l.marRows.join(' '), String(e.complete)]));
    }
    for (const n of e.notCoded) out.push(csvRecord([e.encounterId, e.patientId, e.serviceDate, '', '0', '', 'not coded', n.reason, n.marRows.join(' '), String(e.complete)]));
    for (const p of e.problems) out.push(csvRecord([e.encounterId, e.patientId, e.serviceDate, '', '0', '', `problem: ${p.kind}`, p.message, String(p.marRow), String(e.complete)]));
  }
  return out.map((r) => r + '\n').join('');
}

function toTable(encounters: readonly CodedEncounter[]): string {
  const out: string[] = [];
  for (const e of encounters) {
    const set = e.expectedAdminCodes.map((c) => `${c.code}${c.modifiers.length ? '-' + c.modifiers.join('-') : ''}${c.units > 1 ? ` x${c.units}` : ''}`).join(', ');
    out.push(`${e.encounterId}  patient ${e.patientId}  ${e.serviceDate}: ${set || '(no administration code)'}${e.complete ? '' : '  [incomplete: see problems]'}`);
    const seen = new Set<string>();
    for (const l of e.lines) {
      if (seen.has(l.reason)) continue;
      seen.add(l.reason);
      out.push(`  ${l.reason}   (MAR row ${l.marRows.join(', ')})`);
    }
    for (const n of e.notCoded) out.push(`  not coded: ${n.reason}   (MAR row ${n.marRows.join(', ')})`);
    for (const p of e.problems) out.push(`  problem: ${p.message}   (MAR row ${p.marRow})`);
  }
  return out.join('\n') + (out.length ? '\n' : '');
}
