import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** The upload is larger than allowed; nothing was kept. */
export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload larger than ${maxBytes} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

/** The sender went away before the end of the body; nothing was kept. */
export class UploadAbortedError extends Error {
  constructor() {
    super('upload aborted');
    this.name = 'UploadAbortedError';
  }
}

/**
 * Writes an upload under a temporary name and gives it its real name only once the whole body
 * arrived within `maxBytes`: an aborted or oversized upload leaves nothing behind, and a reader
 * never sees half a file under a valid file id. An oversized body is read on (and dropped) up to
 * `drainBytes`, so the sender gets an answer instead of a reset connection; beyond that it is cut.
 */
export function receiveUpload(
  body: Readable,
  path: string,
  maxBytes: number,
  drainBytes = maxBytes * 4 + (1 << 20),
): Promise<number> {
  const temporary = `${path}.part`;
  const out = createWriteStream(temporary, { flags: 'wx' });
  let size = 0;
  let over = false;
  let ended = false;
  return new Promise<number>((ok, fail) => {
    let settled = false;
    const failWith = (error: Error) => {
      if (settled) return;
      settled = true;
      out.destroy();
      rm(temporary, { force: true }).then(
        () => fail(error),
        () => fail(error),
      );
    };
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        if (size > drainBytes) body.destroy();
        return;
      }
      if (size > maxBytes) {
        over = true;
        out.destroy();
        return;
      }
      if (!out.write(chunk)) {
        body.pause();
        out.once('drain', () => body.resume());
      }
    });
    body.on('end', () => {
      ended = true;
      if (over) return failWith(new UploadTooLargeError(maxBytes));
      out.end(() => {
        if (settled) return;
        rename(temporary, path).then(
          () => {
            settled = true;
            ok(size);
          },
          (error: Error) => failWith(error),
        );
      });
    });
    body.on('close', () => {
      if (!ended) failWith(over ? new UploadTooLargeError(maxBytes) : new UploadAbortedError());
    });
    body.on('error', () => failWith(over ? new UploadTooLargeError(maxBytes) : new UploadAbortedError()));
    out.on('error', (error) => {
      if (!over) failWith(error);
    });
  });
}
