/**
 * Relationship targets of a workbook resolved to zip entry names, as Excel reads them: relative to the folder of the
 * part that names them (`xl/` for the workbook's), `\` read as `/` (some Windows tools write it), a leading `/` for
 * the package root, `.` and `..` segments resolved, percent-escapes decoded (`my%20sheet.xml`). A target that is no
 * part of the package — above its root, a URL or a drive, an escaped separator, a broken escape — resolves to none.
 */

/** A URI scheme (`http:`, `file:`) or a drive (`C:`): the target is outside the package. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** A segment with its escapes decoded; `undefined` when they are broken or decode to a separator. */
function decodedSegment(segment: string): string | undefined {
  if (segment.indexOf('%') < 0) return segment;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined; // `%zz`, or bytes that are no UTF-8
  }
  return /[/\\]/.test(decoded) ? undefined : decoded; // a part name never holds an escaped separator
}

/**
 * The path of `target` from the folder of `base`, segments decoded or not; `undefined` when it climbs above the root
 * or a segment cannot be decoded.
 */
function joinedPath(base: string, target: string, decode: boolean): string | undefined {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const written of target.split('/')) {
    const step = decode ? decodedSegment(written) : written;
    if (step === undefined) return undefined;
    if (step === '..') {
      if (parts.pop() === undefined) return undefined; // above the package root: not a part of it
    } else if (step !== '.' && step !== '') parts.push(step);
  }
  return parts.length === 0 ? undefined : parts.join('/');
}

/**
 * The zip entry names a relationship target may mean, most likely first: its path with escapes decoded, then as
 * written (a zip whose entries are named with the escapes themselves, as OPC maps part names). Empty when the target
 * is no part of the package.
 *
 * @param base - the part whose relationship it is (`''` for the package's own, `_rels/.rels`)
 * @param target - the relationship's `Target`, unescaped from XML
 * @returns the candidate entry names
 *
 * @example
 * ```ts
 * targetEntryNames('xl/workbook.xml', 'worksheets\\my%20sheet.xml');
 * //=> ['xl/worksheets/my sheet.xml', 'xl/worksheets/my%20sheet.xml']
 * targetEntryNames('xl/workbook.xml', '../../sheet.xml');
 * //=> []
 * ```
 */
export function targetEntryNames(base: string, target: string): string[] {
  const path = target.replace(/\\/g, '/');
  if (SCHEME.test(path) || path.startsWith('//')) return []; // a URL, a drive, a network path
  const decoded = joinedPath(base, path, true);
  if (decoded === undefined) return [];
  const written = joinedPath(base, path, false);
  return written === undefined || written === decoded ? [decoded] : [decoded, written];
}
