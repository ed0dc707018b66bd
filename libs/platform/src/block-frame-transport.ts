import {
  IncomingRequestDeserializer,
  type ConsumerDeserializer,
  type IncomingRequest,
  type Serializer,
} from '@nestjs/microservices';
import { decodeBlockFrame, encodeBlockFrame } from './block-frame.js';
import { BlockFrameSocket } from './block-frame-socket.js';

/** TCP options for both ends of a gateway–worker link: block frames ({@link BlockFrameSocket}). */
export function tcpLinkOptions(
  host: string,
  port: number,
): { host: string; port: number; socketClass: typeof BlockFrameSocket } {
  return { host, port, socketClass: BlockFrameSocket };
}

/** The gateway's requests over NATS, as block frames. */
export class BlockFrameNatsSerializer implements Serializer<unknown, { data: Uint8Array }> {
  serialize(packet: unknown): { data: Uint8Array } {
    return { data: encodeBlockFrame(packet) };
  }
}

/** A worker's requests over NATS: block frames, or JSON (a healthcheck's, another client's). */
export class BlockFrameNatsDeserializer
  extends IncomingRequestDeserializer
  implements ConsumerDeserializer
{
  override deserialize(
    value: { data: Uint8Array },
    options?: Record<string, unknown>,
  ): IncomingRequest {
    return super.deserialize(decodeBlockFrame(value.data), options) as IncomingRequest;
  }
}
