/**
 * What a real client names in its requests besides the data: the platform it connects as
 * (PlatformEnum) and the model its questions ask, picked from GET /models the way a client picks one.
 */
import { platform } from 'node:os';

/** This machine's platform as Pieces names it: MACOS, WINDOWS or LINUX. */
export function clientPlatform(): 'MACOS' | 'WINDOWS' | 'LINUX' {
  const p = platform();
  return p === 'darwin' ? 'MACOS' : p === 'win32' ? 'WINDOWS' : 'LINUX';
}

/** The fields of a Model this choice reads. */
interface ModelFlags {
  id: string;
  cloud?: boolean;
  usage?: string;
  loaded?: boolean;
  downloaded?: boolean;
}

/** Models that answer questions (not embedding, OCR or other single-purpose ones). */
function answers(m: ModelFlags): boolean {
  return !m.usage || /CONVERSATION|CHAT|CODE_GENERATION|TEXT_GENERATION/.test(String(m.usage));
}

/**
 * The model a question names: a local model already loaded, else a downloaded one, else a cloud
 * model; undefined when the target lists none that answers.
 */
export function questionModelOf(models: readonly ModelFlags[]): string | undefined {
  const candidates = models.filter(answers);
  const pick =
    candidates.find((m) => !m.cloud && m.loaded === true) ??
    candidates.find((m) => !m.cloud && m.downloaded === true) ??
    candidates.find((m) => m.cloud);
  return pick?.id;
}
