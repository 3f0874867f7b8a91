import { keepShape } from './keep-shape.ts';

/**
 * Typed arrays that a caller solving several networks in turn (the matching
 * engine: one network per independent component) lends to each network and
 * solve, so the largest arrays are allocated once, not once per network.
 *
 * Why: a solve's arrays live long enough for V8 to promote their wrappers to
 * the old generation, so once dead they are freed only by the next full
 * collection — usually after the next component has allocated its own. In
 * workerd the backing stores of earlier components were still resident while
 * the largest one solved (external memory in Node: 8 → 44 MB over one county
 * `assign`, for ~19 MB live at any time).
 *
 * Contract: an array handed out for a slot is valid until the same slot is
 * asked for again, so a network or result built on these buffers must not be
 * used after the next network is created or solved on them. Every array is
 * zero-filled, like a new one.
 */
export class FlowBuffers {
  private readonly slots = new Map<string, ArrayBuffer>();

  private buffer(slot: string, bytes: number): ArrayBuffer {
    let b = this.slots.get(slot);
    if (b === undefined || b.byteLength < bytes) {
      b = new ArrayBuffer(bytes);
      this.slots.set(slot, b);
    }
    return b;
  }

  int32(slot: string, length: number): Int32Array<ArrayBuffer> {
    return new Int32Array(this.buffer(slot, 4 * length), 0, length).fill(0);
  }

  float64(slot: string, length: number): Float64Array<ArrayBuffer> {
    return new Float64Array(this.buffer(slot, 8 * length), 0, length).fill(0);
  }

  /** Bytes held (for tests and the benchmark). */
  get bytes(): number {
    let total = 0;
    for (const b of this.slots.values()) total += b.byteLength;
    return total;
  }
}

// The solvers' buffer lookups are optimised for FlowBuffers' map: keep it (keep-shape.ts).
keepShape(new FlowBuffers());

/** Fresh arrays when no buffers are lent. */
export function int32(buffers: FlowBuffers | undefined, slot: string, length: number): Int32Array<ArrayBuffer> {
  return buffers ? buffers.int32(slot, length) : new Int32Array(length);
}

export function float64(buffers: FlowBuffers | undefined, slot: string, length: number): Float64Array<ArrayBuffer> {
  return buffers ? buffers.float64(slot, length) : new Float64Array(length);
}
