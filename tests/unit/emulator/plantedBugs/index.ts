/** One check per fault switch that says whether its bug is visible (the fault switch tests run each with and without the switch). */
import { ASSET_BUGS } from './assetBugs.js';
import { CONSISTENCY_BUGS } from './consistencyBugs.js';
import { HEADERS_AND_CONTROL_BUGS } from './headersAndControlBugs.js';
import { LIFECYCLE_BUGS } from './lifecycleBugs.js';
import { QGPT_BUGS } from './qgptBugs.js';
import { SECURITY_BUGS } from './securityBugs.js';
import type { ShowsBug } from './requests.js';

export type { ShowsBug } from './requests.js';

/** The bug check of each fault switch, by switch name. */
export const SHOWS_BUG: Record<string, ShowsBug> = {
  ...ASSET_BUGS,
  ...QGPT_BUGS,
  ...LIFECYCLE_BUGS,
  ...SECURITY_BUGS,
  ...CONSISTENCY_BUGS,
  ...HEADERS_AND_CONTROL_BUGS,
};
