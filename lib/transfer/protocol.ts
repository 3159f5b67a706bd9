/** Messages of export and import (popup ↔ background). Filled in by the transfer feature. */
export const transferRequests = {} as const;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TransferProtocol {}
