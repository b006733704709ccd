/** Fault switches of the service's own endpoints: health and version, the user profile, the connector handshake. */
import type { FaultRow } from './types.js';

/** Well Known rows (first in the catalogue). */
export const WELL_KNOWN_FAULTS: FaultRow[] = [
  [
    'health-json',
    'Well Known',
    'getWellKnownHealth',
    'content_type_conformance',
    'Health answers {"status":"ok"} as application/json instead of text/plain.',
  ],
  [
    'version-not-semver',
    'Well Known',
    'getWellKnownVersion',
    'response_schema_conformance',
    'Version answers "twelve" instead of a semantic version.',
  ],
];

/** User and Connector rows (last in the catalogue). */
export const PROFILE_FAULTS: FaultRow[] = [
  [
    'user-wrong-type',
    'User',
    'getUser',
    'response_schema_conformance',
    'The user profile carries aesthetics.font.size as a string.',
  ],
  [
    'connect-missing-health',
    'Connector',
    'connect',
    'response_schema_conformance',
    'The connect Context leaves out the required health.',
  ],
  [
    'connect-other-user',
    'User',
    'connect',
    'references_consistent',
    'The connect Context names another user than the one GET /user answers.',
  ],
];
