/**
 * Code snippet templates, one or two per language, keyed by the contract's ClassificationSpecificEnum
 * ext. Holes are filled from arbitraries (identifiers, numbers, text), so snippets shrink with them.
 */

/** The values a template is filled with. */
export interface Holes {
  name: string;
  other: string;
  n: number;
  text: string;
}

/** One language: display name, contract ext (ClassificationSpecificEnum) and its templates. */
export interface LanguageTemplates {
  language: string;
  ext: string;
  templates: readonly ((h: Holes) => string)[];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The snippet languages; every ext is a value of the contract's ClassificationSpecificEnum. */
export const LANGUAGES: readonly LanguageTemplates[] = [
  {
    language: 'TypeScript',
    ext: 'ts',
    templates: [
      (h) =>
        `export async function ${h.name}(${h.other}: string): Promise<number> {\n  // ${h.text}\n  const res = await fetch(\`/api/\${${h.other}}\`);\n  return res.status + ${h.n};\n}\n`,
      (h) =>
        `interface ${cap(h.name)} {\n  ${h.other}?: number;\n  label: '${h.text.replace(/['\\]/g, '')}';\n}\nexport type ${cap(h.name)}Map = Record<string, ${cap(h.name)}>;\n`,
    ],
  },
  {
    language: 'TSX',
    ext: 'tsx',
    templates: [
      (h) =>
        `export const ${cap(h.name)} = ({ ${h.other} }: { ${h.other}: string }) => (\n  <div className="${h.name}" data-n={${h.n}}>{${h.other}} — ${h.text}</div>\n);\n`,
    ],
  },
  {
    language: 'JavaScript',
    ext: 'js',
    templates: [
      (h) =>
        `const ${h.name} = (${h.other}) => ${h.other}.map((x) => x * ${h.n}).filter(Boolean);\nmodule.exports = { ${h.name} }; // ${h.text}\n`,
    ],
  },
  {
    language: 'Python',
    ext: 'py',
    templates: [
      (h) =>
        `def ${h.name}(${h.other}: list[int]) -> int:\n    """${h.text}"""\n    return sum(x * ${h.n} for x in ${h.other} if x > 0)\n`,
      (h) =>
        `class ${cap(h.name)}:\n    def __init__(self, ${h.other}=${h.n}):\n        self.${h.other} = ${h.other}  # ${h.text}\n`,
    ],
  },
  {
    language: 'Rust',
    ext: 'rs',
    templates: [
      (h) =>
        `pub fn ${h.name}(${h.other}: &[u32]) -> u32 {\n    // ${h.text}\n    ${h.other}.iter().map(|x| x * ${h.n}).sum()\n}\n`,
      (h) =>
        `#[derive(Debug, Clone)]\nstruct ${cap(h.name)} { ${h.other}: Option<String>, n: u64 }\nimpl Default for ${cap(h.name)} { fn default() -> Self { Self { ${h.other}: None, n: ${h.n} } } }\n`,
    ],
  },
  {
    language: 'Go',
    ext: 'go',
    templates: [
      (h) =>
        `package main\n\nimport "fmt"\n\n// ${cap(h.name)} ${h.text}\nfunc ${cap(h.name)}(${h.other} []int) int {\n\ttotal := ${h.n}\n\tfor _, v := range ${h.other} {\n\t\ttotal += v\n\t}\n\tfmt.Println(total)\n\treturn total\n}\n`,
    ],
  },
  {
    language: 'Java',
    ext: 'java',
    templates: [
      (h) =>
        `public final class ${cap(h.name)} {\n  /** ${h.text} */\n  public static int ${h.other}(int x) {\n    return x * ${h.n};\n  }\n}\n`,
    ],
  },
  {
    language: 'Kotlin',
    ext: 'kt',
    templates: [(h) => `data class ${cap(h.name)}(val ${h.other}: Int = ${h.n}) // ${h.text}\n`],
  },
  {
    language: 'Swift',
    ext: 'swift',
    templates: [
      (h) =>
        `func ${h.name}(_ ${h.other}: [Int]) -> Int {\n    // ${h.text}\n    return ${h.other}.reduce(${h.n}, +)\n}\n`,
    ],
  },
  {
    language: 'C',
    ext: 'c',
    templates: [
      (h) =>
        `#include <stdio.h>\n/* ${h.text} */\nint ${h.name}(int ${h.other}) {\n    return ${h.other} << ${h.n % 16};\n}\n`,
    ],
  },
  {
    language: 'C++',
    ext: 'cpp',
    templates: [
      (h) =>
        `#include <vector>\ntemplate <typename T>\nT ${h.name}(const std::vector<T>& ${h.other}) {\n  T acc{${h.n}}; // ${h.text}\n  for (auto& v : ${h.other}) acc += v;\n  return acc;\n}\n`,
    ],
  },
  {
    language: 'C#',
    ext: 'cs',
    templates: [(h) => `public record ${cap(h.name)}(string ${cap(h.other)}, int N = ${h.n}); // ${h.text}\n`],
  },
  {
    language: 'Ruby',
    ext: 'rb',
    templates: [(h) => `def ${h.name}(${h.other})\n  # ${h.text}\n  ${h.other}.map { |x| x * ${h.n} }\nend\n`],
  },
  {
    language: 'PHP',
    ext: 'php',
    templates: [
      (h) =>
        `<?php\nfunction ${h.name}(array $${h.other}): int {\n    // ${h.text}\n    return count($${h.other}) + ${h.n};\n}\n`,
    ],
  },
  {
    language: 'Dart',
    ext: 'dart',
    templates: [
      (h) => `int ${h.name}(List<int> ${h.other}) => ${h.other}.fold(${h.n}, (a, b) => a + b); // ${h.text}\n`,
    ],
  },
  {
    language: 'Lua',
    ext: 'lua',
    templates: [(h) => `local function ${h.name}(${h.other})\n  -- ${h.text}\n  return #${h.other} + ${h.n}\nend\n`],
  },
  {
    language: 'Haskell',
    ext: 'hs',
    templates: [(h) => `${h.name} :: [Int] -> Int\n${h.name} ${h.other} = sum ${h.other} + ${h.n} -- ${h.text}\n`],
  },
  {
    language: 'Elixir',
    ext: 'ex',
    templates: [(h) => `defmodule ${cap(h.name)} do\n  # ${h.text}\n  def ${h.other}(x), do: x * ${h.n}\nend\n`],
  },
  {
    language: 'Scala',
    ext: 'scala',
    templates: [
      (h) => `object ${cap(h.name)} {\n  def ${h.other}(xs: Seq[Int]): Int = xs.sum + ${h.n} // ${h.text}\n}\n`,
    ],
  },
  {
    language: 'R',
    ext: 'r',
    templates: [(h) => `${h.name} <- function(${h.other}) {\n  # ${h.text}\n  mean(${h.other}) + ${h.n}\n}\n`],
  },
  {
    language: 'SQL',
    ext: 'sql',
    templates: [
      (h) =>
        `SELECT ${h.other}, COUNT(*) AS n\nFROM ${h.name}\nWHERE ${h.other} LIKE '%${h.text.replace(/'/g, "''")}%' ESCAPE '\\\\'\nGROUP BY ${h.other}\nHAVING COUNT(*) > ${h.n};\n`,
      (h) =>
        `CREATE TABLE ${h.name} (\n  id INTEGER PRIMARY KEY,\n  ${h.other} TEXT NOT NULL DEFAULT '' -- ${h.text}\n);\nDROP TABLE IF EXISTS ${h.name}_old;\n`,
    ],
  },
  {
    language: 'HTML',
    ext: 'html',
    templates: [
      (h) =>
        `<!doctype html>\n<html lang="en">\n<body>\n  <section id="${h.name}" data-n="${h.n}">\n    <p class="${h.other}">${h.text}</p>\n    <script>window.${h.name} = ${h.n};</script>\n  </section>\n</body>\n</html>\n`,
    ],
  },
  {
    language: 'CSS',
    ext: 'css',
    templates: [
      (h) =>
        `.${h.name} > .${h.other}:hover {\n  margin: ${h.n}px auto;\n  content: "${h.text.replace(/["\\]/g, '')}";\n}\n`,
    ],
  },
  {
    language: 'SCSS',
    ext: 'scss',
    templates: [
      (h) => `$${h.name}: ${h.n}px;\n.${h.other} { padding: $${h.name}; &:focus { outline: none; } } // ${h.text}\n`,
    ],
  },
  {
    language: 'Shell',
    ext: 'sh',
    templates: [
      (h) =>
        `#!/usr/bin/env bash\nset -euo pipefail\n# ${h.text}\n${h.name}() {\n  local ${h.other}="\${1:-${h.n}}"\n  grep -rn "$${h.other}" . | head -n ${h.n % 50}\n}\n`,
    ],
  },
  {
    language: 'PowerShell',
    ext: 'ps1',
    templates: [
      (h) =>
        `function Get-${cap(h.name)} {\n  param([int]$${cap(h.other)} = ${h.n})\n  # ${h.text}\n  Get-ChildItem | Select-Object -First $${cap(h.other)}\n}\n`,
    ],
  },
  {
    language: 'JSON',
    ext: 'json',
    templates: [(h) => `${JSON.stringify({ [h.name]: h.n, [h.other]: [h.text, null, true] }, null, 2)}\n`],
  },
  {
    language: 'YAML',
    ext: 'yaml',
    templates: [(h) => `${h.name}:\n  ${h.other}: ${h.n}\n  description: ${JSON.stringify(h.text)}\n  enabled: true\n`],
  },
  {
    language: 'TOML',
    ext: 'toml',
    templates: [(h) => `[${h.name}]\n${h.other} = ${h.n}\nlabel = ${JSON.stringify(h.text)}\n`],
  },
  {
    language: 'XML',
    ext: 'xml',
    templates: [
      (h) =>
        `<?xml version="1.0" encoding="UTF-8"?>\n<${h.name} n="${h.n}"><${h.other}><![CDATA[${h.text.replace(/]]>/g, '')}]]></${h.other}></${h.name}>\n`,
    ],
  },
  {
    language: 'Markdown',
    ext: 'md',
    templates: [
      (h) =>
        `# ${cap(h.name)}\n\n${h.text}\n\n- [ ] ${h.other}\n- [x] step ${h.n}\n\n\`\`\`ts\nconst ${h.other} = ${h.n};\n\`\`\`\n`,
    ],
  },
  {
    language: 'Dockerfile',
    ext: 'dockerfile',
    templates: [
      (h) =>
        `FROM node:20-alpine\nWORKDIR /${h.name}\nENV ${h.other.toUpperCase()}=${h.n}\n# ${h.text}\nCMD ["node", "index.js"]\n`,
    ],
  },
  {
    language: 'Terraform',
    ext: 'tf',
    templates: [(h) => `resource "aws_s3_bucket" "${h.name}" {\n  bucket = "${h.other}-${h.n}"\n  # ${h.text}\n}\n`],
  },
  { language: 'INI', ext: 'ini', templates: [(h) => `[${h.name}]\n${h.other}=${h.n}\n; ${h.text}\n`] },
  {
    language: 'Zig',
    ext: 'zig',
    templates: [
      (h) => `pub fn ${h.name}(${h.other}: u32) u32 {\n    // ${h.text}\n    return ${h.other} + ${h.n};\n}\n`,
    ],
  },
];
