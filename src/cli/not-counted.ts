import type { Issue } from 'shequ';
import { type CliStreams, echoPath } from './context.js';

/** Rows not counted that are listed one by one on stderr (the rest are counted in one line). */
const SHOWN_NOT_COUNTED = 5;

/**
 * Says on stderr which accepted rows a command did not count (a region's second total of a kind, which would count
 * the region twice): the first few one by one, with their line when known, then how many more. Never silent.
 */
export function writeNotCounted(command: string, issues: readonly Issue[], streams: CliStreams): void {
  for (const issue of issues.slice(0, SHOWN_NOT_COUNTED)) {
    const where = issue.line === undefined ? '' : `第 ${issue.line} 行 line ${issue.line}: `;
    streams.stderr.write(`shequ ${command}: ${where}${issue.message.zh} / ${issue.message.en}\n`);
  }
  if (issues.length > SHOWN_NOT_COUNTED)
    streams.stderr.write(
      `shequ ${command}: 另有 ${issues.length - SHOWN_NOT_COUNTED} 行未计入 / ${issues.length - SHOWN_NOT_COUNTED} more rows not counted\n`,
    );
}

/**
 * {@link writeNotCounted} for rows read from files: the issues of each file (with their lines in it) under the
 * command's name alone when it read one file, else under the command and the file's name, as `indicators` says them.
 */
export function writeNotCountedByFile(
  command: string,
  byFile: ReadonlyMap<string, readonly Issue[]>,
  files: number,
  streams: CliStreams,
): void {
  for (const [file, issues] of byFile)
    writeNotCounted(files > 1 ? `${command} ${echoPath(file)}` : command, issues, streams);
}

/** Adds an issue to its file's list (a map of lists, in the order the files first had one). */
export function addByFile(byFile: Map<string, Issue[]>, file: string, issue: Issue): void {
  const issues = byFile.get(file);
  if (issues === undefined) byFile.set(file, [issue]);
  else issues.push(issue);
}
