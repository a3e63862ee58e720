// The entry module of one part of a shipped division list (`shequ/divisions/<list>/<prefix>`), written by
// scripts/generate-divisions.mjs: a DivisionDataset over the part's text, with its TSDoc (counts, size, examples
// worked from the data). Laid out as Biome formats it, so that `npm run lint` and `generate:check` agree.

const LEVELS = {
  2: ['prefecture-level row', 'prefecture-level rows'],
  3: ['county-level unit', 'county-level units'],
  4: ['township', 'townships'],
  5: ['village-level unit', 'village-level units'],
};

/** `54145` → `54 145`, as the other list comments write counts. */
function count(n) {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
}

function kilobytes(bytes) {
  return bytes < 1024 ? `${bytes} bytes` : `${count(Math.round(bytes / 1024))} kB`;
}

/** What the part holds, e.g. `its own row, 24 county-level units, 280 townships and 5 152 village-level units`. */
function contents(rows) {
  const counts = new Map();
  for (const row of rows.slice(1)) counts.set(row.level, (counts.get(row.level) ?? 0) + 1);
  const phrases = [...counts].map(([level, n]) => `${count(n)} ${LEVELS[level][n === 1 ? 0 : 1]}`);
  if (phrases.length === 0) return 'its own row only (the list files none of its areas under its code)';
  const beneath =
    phrases.length === 1 ? phrases[0] : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
  return `its own row, ${beneath}`;
}

/** A string literal as Biome writes it: single quotes unless the text holds one. */
function quote(text) {
  return text.includes("'") ? JSON.stringify(text) : `'${text}'`;
}

/** A paragraph as TSDoc lines (` * …`) of at most 110 characters. */
function wrap(text) {
  const lines = [];
  let current = ' *';
  for (const word of text.split(' ')) {
    if (current.length + 1 + word.length > 110 && current !== ' *') {
      lines.push(current);
      current = ' *';
    }
    current = `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}

/** The part's example row: the first one level below its own (a county, a township), else its own row. */
function exampleRow(rows) {
  return rows.find((row) => row.level === rows[0].level + 1) ?? rows[0];
}

/**
 * The module text of `part` ({ prefix, zh, en, exportName, rows }) of `context.list`, whose whole text is
 * `context.listBytes` long and whose own top row is `context.provinceCode`.
 */
export function partModule(part, context) {
  const { list, province, listBytes, provinceCode } = context;
  const name = `${part.exportName}Divisions`;
  const subpath = `shequ/divisions/${list}/${part.prefix}`;
  const example = exampleRow(part.rows);
  const bytes = Buffer.byteLength(part.rows.map((row) => `${row.code}\t${row.name}`).join('\n'));
  const unit = part.prefix.length === 4 ? 'prefecture' : 'district';
  const lines = [
    '/**',
    ...wrap(
      `${part.zh} (${part.en}, ${province.zh}) division list: ${contents(part.rows)}, that is ` +
        `every code under ${part.prefix}, from the statistics bureau's 2023 list (reference date 2023-06-30, the ` +
        `last published at village level). For an app of this ${unit} alone: its text is ${kilobytes(bytes)}, ` +
        `the whole \`shequ/divisions/${list}\` list's ${kilobytes(listBytes)}.`,
    ),
    ' *',
    ' * @example',
    ' * ```ts',
    ` * import { ${name} } from '${subpath}';`,
    ` * ${name}.divisions.get('${example.code}')?.name;`,
    ` * //=> '${example.name}'`,
    ' * ```',
    ' *',
    ` * @module ${subpath}`,
    ' */',
    "import type { DivisionDataset } from '../../codes/division-dataset.js';",
    `import { text } from '../data/${list}/${part.prefix}.js';`,
    "import { statistics2023Dataset } from '../from-text.js';",
    '',
    '/**',
    ...wrap(
      `The ${part.zh} division list (统计用区划代码 2023): the records \`${list}Divisions\` holds under ` +
        `${part.prefix}, and no others (not the province's own row). For \`lookupDivision\` and for naming ` +
        'regions in indicator tables; it carries no 城乡分类代码 (the source lacks them).',
    ),
    ' *',
    ' * @example',
    ' * ```ts',
    ` * import { ${name} } from '${subpath}';`,
    ` * ${name}.divisions.size;`,
    ` * //=> ${part.rows.length}`,
    ` * ${name}.divisions.has('${provinceCode}');`,
    ' * //=> false',
    ` * ${name}.id;`,
    ` * //=> 'stats-2023-${list}-${part.prefix}'`,
    ' * ```',
    ' */',
    `export const ${name}: DivisionDataset = statistics2023Dataset(`,
    `  '${list}-${part.prefix}',`,
    `  { zh: ${quote(province.zh + part.zh)}, en: ${quote(`${part.en}, ${province.en}`)} },`,
    '  text,',
    ');',
    '',
  ];
  return lines.join('\n');
}
