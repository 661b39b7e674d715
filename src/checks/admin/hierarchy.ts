/**
 * The facility hierarchy of drug administration services (shared/domain/administration-coding.md,
 * "Facility hierarchy"), applied from the `admin-hierarchy` rule table: which of an encounter's
 * services is the initial one, and which code each role of a service type takes.
 */
import type { AdminHierarchyData } from '../../rules/schemas.js';

export type AdminCategory = AdminHierarchyData['categoryOrder'][number];
export type AdminMethod = AdminHierarchyData['methodOrder'][number];
export type ServiceCodes = AdminHierarchyData['services'][number];

/** A sort key: lower ranks higher (category first, then method). */
export function rank(category: AdminCategory, method: AdminMethod, h: AdminHierarchyData): number {
  const c = h.categoryOrder.indexOf(category);
  const m = h.methodOrder.indexOf(method);
  return c * h.methodOrder.length + m;
}

/** The index of the service that is initial by hierarchy (the first of equal rank wins); -1 for none. */
export function initialIndex(services: readonly { category: AdminCategory; method: AdminMethod }[], h: AdminHierarchyData): number {
  let best = -1;
  let bestRank = Infinity;
  services.forEach((s, i) => {
    const r = rank(s.category, s.method, h);
    if (r < bestRank) {
      best = i;
      bestRank = r;
    }
  });
  return best;
}

/** The codes of one IV service type, or undefined when the table has none (SC/IM injections). */
export function codesFor(category: AdminCategory, method: AdminMethod, h: AdminHierarchyData): ServiceCodes | undefined {
  return h.services.find((s) => s.category === category && s.method === method);
}
