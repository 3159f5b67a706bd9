/**
 * A page's end of the page channel (lib/protocol.ts PAGE_CHANNEL_CALLS): the request posted to
 * the service worker that controls duban's pages, answered on a port. Without a controller (a
 * page opened before the worker took it over), the request goes by runtime messaging. A port
 * gives no sign when the worker stops before answering: after ANSWER_TIMEOUT the request fails,
 * as a runtime message fails when its worker stops.
 */
import type { Answer, PageChannelCall, PageChannelRequest, Request } from '../lib/protocol';
import type { Result } from '../lib/util/result';
import { sendMessage } from './messaging';

const ANSWER_TIMEOUT = 120_000;

export function sendLarge<K extends PageChannelCall>(name: K, data: Request<K>): Promise<Result<Answer<K>>> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return sendMessage(name, data as never) as Promise<Result<Answer<K>>>;
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      port1.close();
      reject(new Error(`${name}: no answer`));
    }, ANSWER_TIMEOUT);
    port1.onmessage = (e: MessageEvent<Result<Answer<K>>>) => {
      clearTimeout(timer);
      port1.close();
      resolve(e.data);
    };
    worker.postMessage({ duban: name, data } satisfies PageChannelRequest, [port2]);
  });
}
