/** Valid `SeededConnectorConnection` bodies for `POST /connect`. */
import type { Arbitrary } from 'fast-check';
import { applicationName, semver } from './realistic.js';
import { componentBody, type BodyOptions } from './componentBody.js';

/** An arbitrary of valid SeededConnectorConnection bodies (`POST /connect`). */
export function validConnectorConnection(options: BodyOptions): Arbitrary<Record<string, any>> {
  return componentBody(options, 'SeededConnectorConnection', {
    overrides: { 'application.name': applicationName(options.spec), 'application.version': semver() },
  });
}
