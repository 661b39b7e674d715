/**
 * Mapping profiles: one client's export headers -> canonical columns, in YAML.
 *
 * ```yaml
 * name: St Elsewhere Epic export     # optional
 * claims:
 *   sheet: Claim Lines                # optional, XLSX only (--sheet wins)
 *   columns:
 *     "Svc Dt (Line)": service_date   # export header: canonical column
 *     "Proc": code
 * mar:
 *   columns:
 *     "Admin Begin": start
 * ```
 * Unknown keys, unknown kinds and canonical names that do not exist for the kind are errors
 * (InputError naming the file and the key path), so a typo fails early instead of silently
 * leaving a column unmapped.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { INPUT_KINDS, type InputKind } from '../model.js';
import { COLUMNS } from './columns.js';
import { InputError, type MappingProfile } from './types.js';

function kindSchema(kind: InputKind) {
  const names = COLUMNS[kind].map((c) => c.name) as [string, ...string[]];
  return z
    .strictObject({
      sheet: z.string().min(1).optional(),
      columns: z.record(z.string().min(1), z.enum(names)).optional(),
    })
    .optional();
}

const profileSchema = z.strictObject({
  name: z.string().optional(),
  claims: kindSchema('claims'),
  mar: kindSchema('mar'),
  dispense: kindSchema('dispense'),
  auths: kindSchema('auths'),
});

function keyPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** Read and validate a mapping profile (YAML). Any problem is an InputError naming the file. */
export function loadProfile(path: string): MappingProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new InputError(`${path}: mapping profile ${why}`, path);
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    const what = (e.message.split('\n')[0] ?? e.code).replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(
      `${path}${line !== undefined ? ` line ${line}` : ''}: mapping profile is not valid YAML (${what})`,
      path,
      line,
    );
  }
  const data: unknown = doc.toJS() ?? {};
  const res = profileSchema.safeParse(data);
  if (!res.success) {
    const problems = res.error.issues.slice(0, 5).map((iss) => {
      const at = keyPath(iss.path) || '(top level)';
      if (iss.code === 'unrecognized_keys') {
        const allowed = iss.path.length === 0 ? ['name', ...INPUT_KINDS] : ['sheet', 'columns'];
        return `${at}: unknown key(s) ${iss.keys.join(', ')} (allowed: ${allowed.join(', ')})`;
      }
      if (iss.code === 'invalid_value' && iss.path.length === 3) {
        const kind = iss.path[0] as InputKind;
        return `${at}: not a ${kind} column (columns: ${COLUMNS[kind].map((c) => c.name).join(', ')})`;
      }
      return `${at}: ${iss.message}`;
    });
    throw new InputError(`${path}: invalid mapping profile: ${problems.join('; ')}`, path);
  }
  return res.data as MappingProfile;
}
