/**
 * A page's end of the page channel (lib/protocol.ts PAGE_CHANNEL_CALLS): the request posted to
 * the service worker that controls duban's pages, answered on a port (./page-channel-post.ts).
 * Without a controller (a page opened before the worker took it over), the request goes by
 * runtime messaging.
 */
import type { Answer, PageChannelCall, Request } from '../lib/protocol';
import type { Result } from '../lib/util/result';
import { sendMessage } from './messaging';
import { postToWorker } from './page-channel-post';

export function sendLarge<K extends PageChannelCall>(name: K, data: Request<K>): Promise<Result<Answer<K>>> {
  return postToWorker(name, data) ?? (sendMessage(name, data as never) as Promise<Result<Answer<K>>>);
}
