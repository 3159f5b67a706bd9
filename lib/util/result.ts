/**
 * What a call answers across the message boundary (lib/protocol.ts): errors don't cross it, so a
 * failure is a value.
 */
import { messageDetail, type Message, type MessageParams } from '../message';

export type Result<T> = { ok: true; value: T } | Failure;

/**
 * A refused or failed request. `error` is the technical detail (logs, a tooltip); a failure the
 * user is told about also carries a message code and its parameters (lib/message.ts), which the
 * UI words, and `details`: more messages, one a line (e.g. what is wrong with an imported file).
 */
export type Failure = { ok: false; error: string; code?: string; params?: MessageParams; count?: number; details?: Message[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: string): Result<never> => ({ ok: false, error });

/** A Failure the UI can word: `error` is its message as a technical line. */
export function failure(reason: Message, details?: readonly Message[]): Failure {
  return {
    ok: false,
    error: [reason, ...(details ?? [])].map(messageDetail).join('\n'),
    code: reason.code,
    ...(reason.params && { params: reason.params }),
    ...(reason.count !== undefined && { count: reason.count }),
    ...(details?.length && { details: [...details] }),
  };
}
