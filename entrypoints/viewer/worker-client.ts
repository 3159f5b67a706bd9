/**
 * Requests to one of the viewer's workers (./docx-worker.ts, ./xlsx-worker.ts): a file's bytes
 * go over with an id, and the answer with that id settles the request. The worker starts once,
 * on first use or while the file is fetched (`warm`).
 */
export function workerClient<T, A extends { id: number }>(start: () => Worker, read: (answer: A) => T | Error) {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: (value: T) => void; reject: (e: Error) => void }>();

  function warm(): Worker {
    if (worker) return worker;
    worker = start();
    worker.onmessage = ({ data }: MessageEvent<A>) => {
      const w = waiting.get(data.id);
      waiting.delete(data.id);
      if (!w) return;
      const value = read(data);
      if (value instanceof Error) w.reject(value);
      else w.resolve(value);
    };
    worker.onerror = (e) => {
      for (const w of waiting.values()) w.reject(new Error(e.message || 'a viewer worker failed'));
      waiting.clear();
    };
    return worker;
  }

  function request(bytes: Uint8Array, more: object = {}): Promise<T> {
    const w = warm();
    const id = ++next;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      // A copy goes over (transferred): the viewer keeps the file to store it.
      const copy = bytes.slice();
      w.postMessage({ ...more, id, bytes: copy }, [copy.buffer]);
    });
  }

  return { warm, request };
}
