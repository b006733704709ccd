/** How the security bugs show (on the strict policy, which the fault switch tests run). */
import type { RunningEmulator } from '../../../../emulator/index.js';
import { probeRest, probeUpgrade } from '../../../../src/security/index.js';
import type { ShowsBug } from './requests.js';

const FOREIGN_HOST = 'rebind.example';
const FOREIGN_ORIGIN = 'https://attacker.example';
const base = (em: RunningEmulator) => ({ baseUrl: em.url, timeoutMs: 3000, operation: 'x' });

export const SECURITY_BUGS: Record<string, ShowsBug> = {
  'rest-foreign-host-served': async (em) =>
    (await probeRest({ ...base(em), method: 'GET', path: '/assets', header: 'host', value: FOREIGN_HOST })).status ===
    200,
  'ws-foreign-host-accepted': async (em) =>
    (await probeUpgrade({ ...base(em), path: '/qgpt/stream', header: 'host', value: FOREIGN_HOST })).opened,
  'ws-foreign-origin-accepted': async (em) =>
    (await probeUpgrade({ ...base(em), path: '/qgpt/stream', header: 'origin', value: FOREIGN_ORIGIN })).opened,
  'cors-allow-any-origin': async (em) =>
    (await probeRest({ ...base(em), method: 'GET', path: '/assets', header: 'origin', value: FOREIGN_ORIGIN })).cors[
      'access-control-allow-origin'
    ] === '*',
};
