import type { Issue } from 'shequ';
import { SOURCE_SPAN } from '../indicators/not-counted.js';
import { type CliStreams, echoPath } from './context.js';

/**
 * Where a row is, as a command tells the accumulator (so that a repeated unit's warning names the row counted): its
 * line, or with several files its file's number too (`file` 0 the first; see SOURCE_SPAN), the files being named in
 * the warning by {@link rowSources}.
 */
export function rowPosition(files: number, file: number, line: number): number {
  return files > 1 ? (file + 1) * SOURCE_SPAN + line : line;
}

/** The names a repeated unit's warning gives the files of {@link rowPosition} (none for one file: lines say enough). */
export function rowSources(files: readonly string[]): readonly string[] | undefined {
  return files.length > 1 ? files.map((file) => echoPath(file)) : undefined;
}

/** Rows not counted that are listed one by one on stderr (the rest are counted in one line). */
const SHOWN_NOT_COUNTED = 5;

/**
 * Says on stderr which accepted rows a command did not count (a region's second total of a kind, a unit whose code
 * was counted already in its year: either would count twice): the first few one by one, with their line when known,
 * then how many more. Never silent.
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
 * {@link writeNotCounted} for rows read from files: the issues of each file (`byFile[i]` those of `files[i]`, with
 * their lines in it) under the command's name alone when it read one file, else under the command and the file's
 * name, as `indicators` says them.
 */
export function writeNotCountedOfFiles(
  command: string,
  files: readonly string[],
  byFile: readonly (readonly Issue[])[],
  streams: CliStreams,
): void {
  byFile.forEach((issues, file) => {
    writeNotCounted(
      files.length > 1 ? `${command} ${echoPath(files[file] as string)}` : command,
      issues,
      streams,
    );
  });
}
