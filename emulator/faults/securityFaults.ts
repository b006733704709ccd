/**
 * Fault switches of the security policy: each turns off one protection of the strict policy
 * (`--security strict`; the default observed policy has none of them to turn off).
 */
import type { FaultRow } from './types.js';

/** Security rows, in catalogue order. */
export const SECURITY_FAULTS: FaultRow[] = [
  [
    'rest-foreign-host-served',
    'Security',
    'getAssetsSnapshot',
    'host_allowlist_rest',
    'REST requests whose Host is not loopback (DNS rebinding) are served instead of refused with 403.',
  ],
  [
    'ws-foreign-host-accepted',
    'Security',
    'qgptStream',
    'host_allowlist_websocket',
    'WebSocket upgrades whose Host is not loopback (DNS rebinding) open instead of being refused with 403.',
  ],
  [
    'ws-foreign-origin-accepted',
    'Security',
    'qgptStream',
    'cross_site_websocket_hijacking',
    'WebSocket upgrades from a foreign web Origin open (cross-site WebSocket hijacking).',
  ],
  [
    'cors-allow-any-origin',
    'Security',
    'getAssetsSnapshot',
    'cors_foreign_origin',
    'REST answers carry Access-Control-Allow-Origin: * and preflights are granted to any origin (what real builds were seen to do).',
  ],
];
