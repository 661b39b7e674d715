/**
 * Which CMS quarterly release judged each drug or administration claim line, counted per release
 * (drug-billing.md, "Reference data by DOS"): a line whose date of service falls outside the
 * release's quarter was judged by the nearest loaded release, and the report says which quarters
 * to import. One lookup per table per distinct date (memoised), one Set lookup per line.
 */
import type { ClaimLine, ReferenceDataUse } from '../model.js';
import type { RuleSet } from '../rules/index.js';
import { cmsRelease, type CmsRelease } from '../rules/cms.js';
import { isDrugLine } from '../checks/drug/lines.js';
import { adminCodeInfo } from '../checks/admin/billed.js';

/** The CMS tables the checks read. */
export const CMS_TABLES = ['asp-pricing', 'asp-crosswalk', 'opps-status', 'ncci-mue', 'ncci-ptp', 'ncci-aoc'] as const;

/** `2025-11-04` -> `2025Q4`. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

interface Tally {
  release: CmsRelease;
  lines: number;
  outside: number;
  quarters: Set<string>;
}

export class ReferenceDataCounter {
  /** per date of service: the tallies of the releases that judge it (computed once per date) */
  private readonly byDate = new Map<string, { tally: Tally; inForce: boolean }[]>();
  private readonly tallies = new Map<string, Tally>();
  private readonly drugLines = new Map<string, Map<string, boolean>>();

  constructor(private readonly rules: RuleSet) {}

  private releases(date: string): { tally: Tally; inForce: boolean }[] {
    let r = this.byDate.get(date);
    if (!r) {
      r = [];
      for (const id of CMS_TABLES) {
        const rel = cmsRelease(this.rules, id, date);
        if (!rel) continue;
        const key = `${rel.id}|${rel.version}`;
        let t = this.tallies.get(key);
        if (!t) {
          t = { release: rel, lines: 0, outside: 0, quarters: new Set() };
          this.tallies.set(key, t);
        }
        if (!rel.inForce) t.quarters.add(quarterOf(date));
        r.push({ tally: t, inForce: rel.inForce });
      }
      this.byDate.set(date, r);
    }
    return r;
  }

  private isDrug(line: ClaimLine): boolean {
    let byCode = this.drugLines.get(line.serviceDate);
    if (!byCode) this.drugLines.set(line.serviceDate, (byCode = new Map()));
    let v = byCode.get(line.code);
    if (v === undefined) byCode.set(line.code, (v = isDrugLine(this.rules, line)));
    return v;
  }

  /** Count one claim line (only drug and administration lines are judged by CMS tables). */
  add(line: ClaimLine): void {
    if (adminCodeInfo(this.rules, line.code, line.serviceDate) === undefined && !this.isDrug(line)) return;
    for (const e of this.releases(line.serviceDate)) {
      e.tally.lines++;
      if (!e.inForce) e.tally.outside++;
    }
  }

  result(): ReferenceDataUse[] {
    return [...this.tallies.values()]
      .sort((a, b) => (a.release.id < b.release.id ? -1 : a.release.id > b.release.id ? 1 : a.release.version < b.release.version ? -1 : 1))
      .map((t) => ({
        id: t.release.id,
        version: t.release.version,
        effectiveFrom: t.release.effectiveFrom,
        effectiveTo: t.release.effectiveTo,
        lines: t.lines,
        linesOutsideQuarter: t.outside,
        quartersToImport: [...t.quarters].sort(),
      }));
  }
}
