/**
 * NDC text handling shared by the NDC checks. The rules (digit count in force, separators and
 * prefixes that may be stripped, the FDA package-label layouts) come from the `ndc-format` rule
 * table; this file only applies them.
 */
import type { NdcFormatData } from '../../rules/schemas.js';

export type NdcVerdict =
  | { ok: true; digits: string }
  | {
      ok: false;
      reason: 'characters' | 'length' | 'short-hyphenated' | 'short-bare' | 'layout';
      expected?: string;
      detail: string;
    };

/** Judge one NDC as written on a claim line against the format in force. */
export function judgeClaimNdc(text: string, fmt: NdcFormatData): NdcVerdict {
  let t = text.trim().toUpperCase();
  for (const p of fmt.stripPrefixes) {
    if (t.startsWith(p.toUpperCase())) {
      t = t.slice(p.length).trim();
      break;
    }
  }
  let compact = t;
  for (const ch of fmt.ignoreCharacters) compact = compact.split(ch).join('');
  if (!/^\d+$/.test(compact)) {
    return { ok: false, reason: 'characters', detail: 'contains characters other than digits and separators' };
  }
  const segs = t.includes('-') ? t.split('-').map((s) => s.trim()) : undefined;
  if (compact.length === fmt.digits) {
    if (segs && segs.map((s) => s.length).join('-') !== fmt.segments.join('-')) {
      return {
        ok: false,
        reason: 'layout',
        detail: `is hyphenated as ${segs.map((s) => s.length).join('-')}, not ${fmt.segments.join('-')}`,
      };
    }
    return { ok: true, digits: compact };
  }
  if (fmt.alsoAccepted.some((a) => a.digits === compact.length)) return { ok: true, digits: compact };
  const labelLayouts = fmt.fdaLayouts.filter((l) => l[0] + l[1] + l[2] === compact.length);
  if (labelLayouts.length > 0) {
    if (segs) {
      const padded = padLabelNdc(segs, fmt);
      if (padded !== undefined) {
        return {
          ok: false,
          reason: 'short-hyphenated',
          expected: padded,
          detail: `is the ${compact.length}-digit package-label form; claims take the ${fmt.digits}-digit ${fmt.segments.join('-')} form`,
        };
      }
      return {
        ok: false,
        reason: 'layout',
        detail: `is hyphenated in no package-label layout (${fmt.fdaLayouts.map((l) => l.join('-')).join(', ')})`,
      };
    }
    return {
      ok: false,
      reason: 'short-bare',
      detail: `has ${compact.length} digits without hyphens, which can be padded to ${fmt.digits} digits in ${labelLayouts.length} ways (ambiguous)`,
    };
  }
  return { ok: false, reason: 'length', detail: `has ${compact.length} digits, not ${fmt.digits}` };
}

/** Pad hyphenated package-label segments (4-4-2, 5-3-2, 5-4-1) to the claim layout; undefined if none fits. */
export function padLabelNdc(segs: readonly string[], fmt: NdcFormatData): string | undefined {
  if (segs.length !== 3) return undefined;
  const layout = segs.map((s) => s.length);
  if (!fmt.fdaLayouts.some((l) => l[0] === layout[0] && l[1] === layout[1] && l[2] === layout[2])) return undefined;
  return segs.map((s, i) => s.padStart(fmt.segments[i] ?? s.length, '0')).join('-');
}

/** An unhyphenated 10-digit NDC (as MAR and pharmacy systems sometimes export). */
export function isBareTenDigit(text: string): boolean {
  return /^\d{10}$/.test(text.trim());
}
