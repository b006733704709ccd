/**
 * Classification of saved content: the fragment's `metadata.ext` (or the seed's classification)
 * wins; otherwise a small language detector guesses, as Pieces OS does on save. Every value it
 * answers is a member of the contract's enums.
 */

/** The contract's Classification. */
export interface Classification {
  generic: string;
  specific: string;
}

const TEXT = new Set(['txt', 'text', 'md', 'mdown', 'mdwn', 'markdown', 'markdn', 'log', 'csv', 'rtf', 'doc', 'docx']);
const IMAGE = new Set(['png', 'jpg', 'jpeg', 'jpe', 'gif', 'webp', 'bmp', 'ico', 'tif', 'tiff', 'svgz']);
const VIDEO = new Set(['mp4', 'webm', 'ogv', 'qt', 'mp2', 'jpgv']);
const FILE = new Set([
  'pdf',
  'zip',
  'gz',
  'jar',
  'exe',
  'dmg',
  'bin',
  'rpm',
  'ppt',
  'pptx',
  'xls',
  'xlsx',
  'woff',
  'woff2',
  'eot',
]);
const URI = new Set([
  'uniform_resource_locator',
  'custom_url_scheme',
  'unix_file_path',
  'windows_file_path',
  'uniform_resource_identifier',
  'uri',
  'uris',
  'urls',
]);

/** The generic class (CODE, TEXT, IMAGE, ...) of a specific extension. */
function genericOf(specific: string): string {
  if (specific === 'UNKNOWN') return 'UNKNOWN';
  if (TEXT.has(specific)) return 'TEXT';
  if (IMAGE.has(specific)) return 'IMAGE';
  if (VIDEO.has(specific)) return 'VIDEO';
  if (FILE.has(specific)) return 'FILE';
  if (URI.has(specific)) return 'EXTERNAL_RESOURCE_REFERENCE';
  return 'CODE';
}

// Ordered: the first rule that matches decides. First 4 KB only, and no nested quantifiers: a
// rule must stay linear on any text (a backtracking rule once hung on 4 KB of plain words).
const RULES: Array<[string, RegExp]> = [
  ['php', /<\?php/],
  ['xml', /^\s*<\?xml/],
  ['html', /^\s*<(!doctype html|html|head|body|div|span|p|h[1-6]|a\s|ul|ol|li|table|section|main|script|style)\b/i],
  ['sh', /^#!.*\b(ba|z)?sh\b/],
  ['py', /^#!.*\bpython/],
  ['go', /^package \w+\s*$|\bfunc (\(\w+ \*?\w+\) )?\w+\(/m],
  ['rs', /\bfn \w+\s*(<[^>]*>)?\(|\blet mut\b|\bimpl\b.*\{|println!\(/],
  ['java', /\bpublic\s+(static\s+)?(final\s+)?(class|void|interface)\b|System\.out\.println/],
  ['cs', /\busing System(\.\w+)*;|\bnamespace \w+(\.\w+)*\s*\{|Console\.WriteLine/],
  ['cpp', /#include\s*<(iostream|vector|string|map|memory)>|\bstd::/],
  ['c', /#include\s*[<"][\w./]+\.h[>"]|\bprintf\s*\(/],
  ['py', /^\s*(def \w+\(.*\)\s*(->.*)?:|class \w+(\(.*\))?:|from [\w.]+ import |import \w+(\s+as \w+)?\s*$)/m],
  [
    'ts',
    /\binterface \w+\s*\{|\btype \w+\s*=|:\s*(string|number|boolean|void)\b|\bexport (default )?(class|function|const)\b.*:/,
  ],
  ['js', /\b(function\s*\w*\s*\(|const \w+\s*=|let \w+\s*=|var \w+\s*=)|=>|console\.log\(|require\(/],
  ['sql', /^\s*(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIEW))\b/im],
  ['css', /^[ \t]*[.#]?[\w-][^{};\n]*\{[^}\n]*:[^}]*\}/m],
  ['md', /^#{1,6} \S|^\s*```|\[[^\]]+\]\([^)]+\)/m],
  ['sh', /^\s*(\$ )?(sudo |npm |npx |git |cd |ls |echo |apt-get |brew |curl |export \w+=)/m],
  ['yaml', /^[\w.-]+:\s+\S.*\n[\w.-]+:(\s|$)/m],
];

/** Guesses the language of a text; `txt` when nothing matches. */
export function detectLanguage(raw: string): string {
  const text = raw.slice(0, 4096);
  const trimmed = text.trim();
  if (trimmed === '') return 'txt';
  if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
    try {
      JSON.parse(raw);
      return 'json';
    } catch {
      /* not JSON: try the rules */
    }
  }
  for (const [ext, re] of RULES) if (re.test(text)) return ext;
  return 'txt';
}

/** The classification of saved content from its explicit hints or its text. */
export function classify(
  raw: string | undefined,
  ext?: string,
  seeded?: { generic?: string; specific?: string },
): Classification {
  const specific = ext ?? seeded?.specific ?? (raw !== undefined ? detectLanguage(raw) : 'UNKNOWN');
  return { generic: seeded?.generic ?? genericOf(specific), specific };
}
