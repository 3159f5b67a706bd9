/**
 * Runs a test body in time zones either side of UTC: a spreadsheet's date cell has no zone, so a
 * day written or read must be the same day wherever the computer is (Node follows TZ when set).
 */
export const ZONES = ['Asia/Shanghai', 'America/Los_Angeles', 'UTC'] as const;

export async function inEachZone(run: (zone: string) => unknown): Promise<void> {
  const was = process.env.TZ;
  try {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      await run(zone);
    }
  } finally {
    if (was === undefined) delete process.env.TZ;
    else process.env.TZ = was;
  }
}
