/** A check that a model's state follows download → load → unload (and refusals leave it unchanged). */
import { defineCheck } from '../define.js';

/** The model flags the state machine speaks about. */
export interface ModelFlags {
  downloaded?: boolean;
  loaded?: boolean;
  downloading?: boolean;
}

/** A model's flags as read after `step`, and the flags the step must have produced. */
export interface ModelStateFacts {
  /** The operation whose effect is judged (`downloadModel`, `loadModel`, ...). */
  operation: string;
  model: string;
  /** What happened, e.g. `after downloadModel completed`, `after refused loadModel`. */
  step: string;
  observed: ModelFlags;
  expected: ModelFlags;
}

export default defineCheck({
  name: 'model_state_machine',
  title: 'Model state machine violated',
  kind: 'scenario',
  severity: 'high',
  basis: 'upstream',
  why: "Upstream documents model download/load/unload and the Model's downloaded/loaded flags they change.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1model~1{model}~1load/post',
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/Model',
  ],
  description: 'A check that a model reports downloaded/loaded/downloading as its lifecycle step implies.',
  run: (f: ModelStateFacts, _ctx, fail) => {
    const wrong = (Object.keys(f.expected) as (keyof ModelFlags)[])
      .filter((k) => f.observed[k] !== f.expected[k])
      .map((k) => `${k} ${f.observed[k]} (expected ${f.expected[k]})`);
    return wrong.length ? [fail(f.operation, `model ${f.model} ${f.step}: ${wrong.join(', ')}`)] : [];
  },
});
