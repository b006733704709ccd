/** Valid `SeededConnectorConnection` bodies for `POST /connect`. */
import type { Arbitrary } from 'fast-check';
import { schemaArbitrary } from '../schemaArbitrary.js';
import { componentSchema } from './contractSchemas.js';
import { applicationName, semver } from './realistic.js';
import type { BodyOptions } from './seed.js';

/** An arbitrary of valid SeededConnectorConnection bodies (`POST /connect`). */
export function validConnectorConnection(options: BodyOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  return schemaArbitrary(componentSchema(spec, 'SeededConnectorConnection'), {
    direction: 'request',
    maxDepth: options.maxDepth ?? 4,
    location: '#/components/schemas/SeededConnectorConnection',
    overrides: { 'application.name': applicationName(spec), 'application.version': semver(), ...options.overrides },
    omit: options.omit,
  }) as Arbitrary<Record<string, any>>;
}
