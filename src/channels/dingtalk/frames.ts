// Stream-mode frames (research/dingtalk.md §1.3–1.5): parsing what DingTalk pushes, without trusting
// it, and building the acknowledgements the client sends back.

export const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';
export const CARD_CALLBACK_TOPIC = '/v1.0/card/instances/callback';

/** Frames larger than this are not parsed (DingTalk's own messages are a few KiB). */
export const MAX_FRAME_BYTES = 1024 * 1024;

export type FrameType = 'SYSTEM' | 'EVENT' | 'CALLBACK';

export interface DownstreamFrame {
  type: FrameType;
  topic: string;
  messageId: string;
  headers: Record<string, string>;
  /** `data` as DingTalk sent it: always a JSON string. */
  data: string;
}

export type ParsedFrame = { ok: true; frame: DownstreamFrame } | { ok: false; reason: string; messageId?: string };

/** Parses one text frame. A failure says why and, when it could be read, the frame's messageId. */
export function parseFrame(text: string): ParsedFrame {
  if (text.length > MAX_FRAME_BYTES) return { ok: false, reason: `frame of ${text.length} bytes is over the ${MAX_FRAME_BYTES}-byte limit` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: `frame is not JSON (starts ${JSON.stringify(text.slice(0, 40))})` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'frame is not a JSON object' };
  const { type, headers, data } = raw as Record<string, unknown>;
  if (!headers || typeof headers !== 'object' || Array.isArray(headers)) return { ok: false, reason: 'frame has no headers object' };
  const h: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (typeof value === 'string' || typeof value === 'number') h[key] = String(value);
  const messageId = h.messageId;
  if (!messageId) return { ok: false, reason: 'frame has no headers.messageId' };
  if (type !== 'SYSTEM' && type !== 'EVENT' && type !== 'CALLBACK') return { ok: false, reason: `frame type ${JSON.stringify(type)} is not SYSTEM, EVENT or CALLBACK`, messageId };
  if (!h.topic) return { ok: false, reason: 'frame has no headers.topic', messageId };
  if (typeof data !== 'string') return { ok: false, reason: 'frame data is not a JSON string', messageId };
  return { ok: true, frame: { type, topic: h.topic, messageId, headers: h, data } };
}

/** Parses a frame's data as a JSON object; undefined when it is not one. */
export function frameData(frame: DownstreamFrame): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(frame.data);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The upstream acknowledgement: 200 OK, 404 unknown topic, 500 client error; data is a JSON string. */
export function ackFrame(messageId: string, code: 200 | 404 | 500, data: unknown): string {
  return JSON.stringify({
    code,
    headers: { contentType: 'application/json', messageId },
    message: code === 200 ? 'OK' : code === 404 ? 'topic not found' : 'client error',
    data: JSON.stringify(data),
  });
}

/** The answer to a SYSTEM ping: the same opaque data back. */
export function pingReply(frame: DownstreamFrame): string {
  return JSON.stringify({ code: 200, headers: frame.headers, message: 'OK', data: frame.data });
}
