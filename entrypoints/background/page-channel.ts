/**
 * The service worker's end of the page channel (lib/protocol.ts PAGE_CHANNEL_CALLS): a ledger's
 * cells or rows posted by duban's own pages, checked by the same schemas (the router's handle)
 * and answered on the port the page sent with its request.
 */
import { pageChannelCall, type PageChannelClient } from '../../lib/protocol';
import type { createService } from './router';

type Service = ReturnType<typeof createService>;

interface ChannelEvent {
  data: unknown;
  origin: string;
  source: unknown;
  ports: readonly MessagePort[];
  waitUntil(p: Promise<unknown>): void;
}

export function listenToPages(scope: { addEventListener(type: 'message', fn: (e: ChannelEvent) => void): void; location: { origin: string } }, service: Pick<Service, 'handle'>) {
  scope.addEventListener('message', (e) => {
    const port = e.ports[0];
    const name = pageChannelCall(e.data, e.source as PageChannelClient | null, e.origin, scope.location.origin);
    if (!name || !port) return;
    const answered = service
      .handle(name, (e.data as { data: unknown }).data)
      .catch((error: Error) => ({ ok: false as const, error: `${name} failed: ${error.message}` }))
      .then((answer) => port.postMessage(answer));
    e.waitUntil(answered);
  });
}
