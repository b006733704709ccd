/** The smoke steps of the well-known endpoints and the application: /connect as integrations do, then the applications API. */
import { oneLine } from '../content.js';
import type { StepCheck } from '../recorder.js';
import { listing, NO_WRITE, type SmokeRun } from './context.js';

/** Judges a text answer: `pattern` matches it (noted by `note`), else `problem` and what came. */
function textMatching(pattern: RegExp, note: (text: string) => string, problem: string): StepCheck<unknown> {
  return (v) =>
    typeof v === 'string' && pattern.test(v)
      ? { note: note(oneLine(v, 40)) }
      : { shapeProblem: `${problem}: ${JSON.stringify(typeof v === 'string' ? oneLine(v, 40) : v)}` };
}

/** Health and version through WellKnownApi. */
export async function runWellKnownSteps({ step, api }: SmokeRun): Promise<void> {
  await step(
    'health',
    'WellKnownApi.getWellKnownHealth',
    ['GET', '/.well-known/health'],
    () => api('WellKnownApi').getWellKnownHealth(),
    textMatching(/^ok/i, (text) => `answered ${JSON.stringify(text)}`, 'the health text does not start with "ok"'),
  );
  await step(
    'version',
    'WellKnownApi.getWellKnownVersion',
    ['GET', '/.well-known/version'],
    () => api('WellKnownApi').getWellKnownVersion(),
    textMatching(/^\d+\.\d+\.\d+/, (text) => `version ${text}`, 'the version is not a semantic version'),
  );
}

/** Connect, list, register, open and close a session; answers the application the run's asset is created for. */
export async function runApplicationSteps({ step, skip, api, marker, writes, leftovers }: SmokeRun): Promise<any> {
  const tracked = { name: 'OPEN_SOURCE', platform: 'LINUX', version: marker };
  let application: any;
  if (writes) {
    const context = await step(
      'connect',
      'ConnectorApi.connect',
      ['POST', '/connect'],
      () => api('ConnectorApi').connect({ seededConnectorConnection: { application: tracked } }),
      (c: any) =>
        c?.application?.id
          ? { note: `application ${c.application.id}` }
          : { shapeProblem: 'context.application.id is missing' },
    );
    application = context?.application?.id ? context.application : undefined;
    if (application)
      leftovers.push(
        `application ${application.id} (${application.name ?? 'OPEN_SOURCE'}, version ${marker}): the API has no delete for applications; the version carries the marker`,
      );
  } else skip('connect', 'ConnectorApi.connect', ['POST', '/connect'], NO_WRITE);
  const apps = await step(
    'applicationsSnapshot',
    'ApplicationsApi.applicationsSnapshot',
    ['GET', '/applications'],
    () => api('ApplicationsApi').applicationsSnapshot(),
    listing('applications'),
  );
  application ??= apps?.iterable?.find?.((a: any) => a?.version === marker) ?? undefined;
  if (writes) {
    const app = application ?? { id: marker, ...tracked, onboarded: false, privacy: 'OPEN' };
    await step(
      'registerApplication',
      'ApplicationsApi.applicationsRegister',
      ['POST', '/applications/register'],
      () => api('ApplicationsApi').applicationsRegister({ application: app }),
      (a: any) =>
        a?.id
          ? { note: `registered ${a.id}${application ? ' (the connected application again)' : ''}` }
          : { shapeProblem: 'the answer has no id' },
    );
    const session = await step(
      'openSession',
      'ApplicationsApi.applicationsSessionOpen',
      ['POST', '/applications/session/open'],
      () => api('ApplicationsApi').applicationsSessionOpen(),
      (s: any) => (s?.id ? { note: `session ${s.id}` } : { shapeProblem: 'the session has no id' }),
    );
    if (session?.id) {
      const closed = await step(
        'closeSession',
        'ApplicationsApi.applicationsSessionClose',
        ['POST', '/applications/session/close'],
        () => api('ApplicationsApi').applicationsSessionClose({ body: session.id }),
        (s: any) =>
          s?.id === session.id
            ? { note: 'closed the session it opened' }
            : { shapeProblem: `closed ${s?.id}, not ${session.id}` },
      );
      if (!closed) leftovers.push(`session ${session.id} (close failed)`);
    } else
      skip(
        'closeSession',
        'ApplicationsApi.applicationsSessionClose',
        ['POST', '/applications/session/close'],
        'no session (openSession failed)',
      );
  } else {
    for (const [s, m, h] of [
      ['registerApplication', 'ApplicationsApi.applicationsRegister', ['POST', '/applications/register']],
      ['openSession', 'ApplicationsApi.applicationsSessionOpen', ['POST', '/applications/session/open']],
      ['closeSession', 'ApplicationsApi.applicationsSessionClose', ['POST', '/applications/session/close']],
    ] as const)
      skip(s, m, [...h], NO_WRITE);
  }
  return application ?? { id: marker, ...tracked, onboarded: false, privacy: 'OPEN' };
}
