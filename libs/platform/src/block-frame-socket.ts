import { TcpSocket } from '@nestjs/microservices/helpers/index.js';
import { decodeBlockFrame, encodeBlockFrame } from './block-frame.js';

/** A frame larger than this is a corrupt length, not a message: IMPORT_BATCH_BYTES is ≤ 64 MiB. */
const MAX_FRAME_BYTES = 256 * 2 ** 20;
const LENGTH_BYTES = 4;

/**
 * Nest's TCP transport with block frames ({@link encodeBlockFrame}) instead of `length#json`:
 * each frame is preceded by its length (u32), and bytes are kept as bytes until a frame is
 * whole, so a batch's text is never copied into a growing string.
 */
export class BlockFrameSocket extends TcpSocket {
  private chunks: Buffer[] = [];
  private buffered = 0;

  protected override handleSend(message: unknown, callback?: (error?: unknown) => void): void {
    const frame = encodeBlockFrame(message);
    const length = Buffer.allocUnsafe(LENGTH_BYTES);
    length.writeUInt32LE(frame.length, 0);
    this.netSocket.cork();
    this.netSocket.write(length);
    this.netSocket.write(frame, callback);
    this.netSocket.uncork();
  }

  protected override handleData(data: Buffer | string): void {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= LENGTH_BYTES) {
      const head = this.take(LENGTH_BYTES, false);
      const frameBytes = head.readUInt32LE(0);
      if (frameBytes > MAX_FRAME_BYTES) {
        throw new Error(`frame of ${frameBytes} bytes, over ${MAX_FRAME_BYTES}: corrupt stream`);
      }
      if (this.buffered < LENGTH_BYTES + frameBytes) return;
      this.take(LENGTH_BYTES, true);
      this.netSocket.emit('message', decodeBlockFrame(this.take(frameBytes, true)));
    }
  }

  /** The next `bytes` bytes buffered, removed from the buffer when `consume`. */
  private take(bytes: number, consume: boolean): Buffer {
    const first = this.chunks[0]!;
    let taken: Buffer;
    if (first.length >= bytes) {
      taken = first.subarray(0, bytes);
    } else {
      // Copies only the bytes asked for: a frame's 4-byte length split over chunks must not copy
      // the megabytes buffered after it, again at every chunk.
      taken = Buffer.allocUnsafe(bytes);
      let filled = 0;
      for (const chunk of this.chunks) {
        filled += chunk.copy(taken, filled, 0, Math.min(chunk.length, bytes - filled));
        if (filled === bytes) break;
      }
    }
    if (!consume) return taken;
    let left = bytes;
    while (left > 0) {
      const head = this.chunks[0]!;
      if (head.length <= left) {
        this.chunks.shift();
        left -= head.length;
      } else {
        this.chunks[0] = head.subarray(left);
        left = 0;
      }
    }
    this.buffered -= bytes;
    return taken;
  }
}
