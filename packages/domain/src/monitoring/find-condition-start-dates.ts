import type { IsoDate } from '../calendar/iso-date.ts';

/** One entry of an asset's status history (法律状态变更), oldest first. */
export interface StatusHistoryEntry {
  readonly occurredOn: IsoDate;
  readonly legalStatus: string;
  readonly flags: readonly string[];
}

/**
 * 状态起始日: for the asset's current legal status and each current flag, the day the uninterrupted run that is
 * still going began (the earliest entry of the last run of entries holding it). A condition the history does not
 * show is absent. Example: flags `[]`, `[court_preserved]` on 2026-05-01, `[court_preserved]` on 2026-06-01 →
 * `court_preserved` since 2026-05-01. Source: states.md "IP asset" (status and flags are kept as history).
 */
export function findConditionStartDates(history: readonly StatusHistoryEntry[]): Record<string, IsoDate> {
  const sorted = [...history].sort((a, b) =>
    a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0,
  );
  const since: Record<string, IsoDate> = {};
  for (const entry of sorted) {
    const held = new Set([`status:${entry.legalStatus}`, ...entry.flags]);
    for (const key of Object.keys(since)) if (!held.has(key)) delete since[key];
    for (const key of held) since[key] ??= entry.occurredOn;
  }
  return since;
}
