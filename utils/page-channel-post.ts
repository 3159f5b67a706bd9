/**
 * The page channel's post to the service worker (./page-channel.ts), in a module that imports
 * nothing at run time: the overview's early script (entrypoints/overview-first.ts) carries it
 * alone, without the messaging library.
 * A port gives no sign when the worker stops before answering: after ANSWER_TIMEOUT the request
 * fails, as a runtime message fails when its worker stops.
 */
import type { Answer, PageChannelCall, PageChannelRequest, Request } from '../lib/protocol';
import type { Result } from '../lib/util/result';

const ANSWER_TIMEOUT = 120_000;

/** Posts the request to the worker that controls the page, answered on a port; undefined when no worker controls it. */
export function postToWorker<K extends PageChannelCall>(name: K, data: Request<K>): Promise<Result<Answer<K>>> | undefined {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return undefined;
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
