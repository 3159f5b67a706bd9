/** Messages of follow-ups, overview and history (pages ↔ background). Filled in by that feature. */
export const followUpRequests = {} as const;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FollowUpProtocol {}
