/** How many segment ids a grouped failure line names before it says "and N more". */
const IDS_SHOWN = 5;

/**
 * Failed segments as summary lines, one per distinct reason with a count, so a run stopped by a
 * rejected key says so once instead of once per segment.
 */
export function describeFailures(failed: readonly { id: string; reason: string }[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const { id, reason } of failed) {
    const ids = byReason.get(reason);
    if (ids) ids.push(id);
    else byReason.set(reason, [id]);
  }
  return [...byReason].map(([reason, ids]) => {
    if (ids.length === 1) return `  failed ${ids[0]}: ${reason}`;
    const shown = ids.slice(0, IDS_SHOWN).join(', ');
    return `  failed ${ids.length} segments (${shown}${ids.length > IDS_SHOWN ? `, and ${ids.length - IDS_SHOWN} more` : ''}): ${reason}`;
  });
}
