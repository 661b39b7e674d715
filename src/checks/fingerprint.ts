import { createHash } from 'node:crypto';

/**
 * A finding's stable id: a hash of stable facts only (rule id, patient, encounter, claim, line,
 * code, date and a discriminator such as the input kind and row for row-level input findings),
 * never the message text, so rewording a message does not make every finding "new".
 */
export function fingerprint(parts: {
  ruleId: string;
  patientId: string;
  encounterId?: string | undefined;
  claimId?: string | undefined;
  line?: string | undefined;
  code?: string | undefined;
  serviceDate?: string | undefined;
  discriminator?: string | undefined;
}): string {
  const text = [
    parts.ruleId,
    parts.patientId,
    parts.encounterId ?? '',
    parts.claimId ?? '',
    parts.line ?? '',
    parts.code ?? '',
    parts.serviceDate ?? '',
    parts.discriminator ?? '',
  ].join('\u001f');
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

/** Stable salted hash of a patient id for `--redact`. */
export function redactId(patientId: string, salt: string): string {
  return 'R' + createHash('sha256').update(salt).update('\u001f').update(patientId).digest('hex').slice(0, 16);
}
