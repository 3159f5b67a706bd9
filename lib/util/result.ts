/**
 * What a call answers across the message boundary (lib/protocol.ts): errors don't cross it, so a
 * failure is a value.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: string): Result<never> => ({ ok: false, error });
