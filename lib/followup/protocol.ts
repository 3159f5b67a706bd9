/** Messages of follow-ups, overview and history (pages ↔ background); merged into lib/protocol.ts. */
import { z } from 'zod';
import type { Result } from '../protocol';
import type { OverviewData } from './overview';

export const followUpRequests = {
  getOverview: z.object({ limit: z.number().int().min(1).max(100_000).optional() }),
} as const;

export interface FollowUpProtocol {
  /**
   * Answer every annotated item of every notice with its text, section and units (the overview),
   * in 序号 order (notice, then number); with `limit`, only the first ones: the first screen.
   */
  getOverview(data: { limit?: number }): Result<OverviewData>;
}
