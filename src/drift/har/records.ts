/**
 * What drift compares, taken from one side of a HAR replay: a REST answer as a step (status,
 * media type, body shape) and a WebSocket's received frames as a stream (collapsed status
 * sequence, merged frame shape).
 */
import { essence } from '../../validate/media.js';
import type { StepRecord, StreamRecord } from '../scenario.js';
import { collapseSequence } from '../scenario.js';
import { bodyShape, mergeShapes, shapeOf } from '../shape.js';

/** A REST answer (or none) as a drift step. */
export function stepOf(
  step: string,
  operationId: string,
  answer: { status: number; contentType?: string; body: string } | undefined,
  error?: string,
): StepRecord {
  if (!answer) return { step, operationId, status: 0, shape: {}, error: error ?? 'no response' };
  const media = essence(answer.contentType);
  return {
    step,
    operationId,
    status: answer.status,
    ...(media ? { media } : {}),
    shape: bodyShape(answer.body, media),
  };
}

/** Received frames (their texts) as a drift stream. */
export function streamOf(step: string, operationId: string, frames: readonly string[], error?: string): StreamRecord {
  const statuses: string[] = [];
  const shapes = [];
  for (const raw of frames) {
    try {
      const value = JSON.parse(raw);
      const status = value && typeof value === 'object' ? (value as { status?: unknown }).status : undefined;
      statuses.push(typeof status === 'string' ? status : '(no status)');
      shapes.push(shapeOf(value));
    } catch {
      statuses.push('(not JSON)');
    }
  }
  return {
    step,
    operationId,
    statuses,
    sequence: collapseSequence(statuses),
    frameShape: mergeShapes(...shapes),
    ...(error ? { error } : {}),
  };
}
