// The first bytes that tell a workbook from CSV, in one place: the source reader (pipeline/source.ts) and the range
// planner (pipeline/parallel.ts) choose their reader by them, the zip reader names what it was given (xlsx-zip.ts),
// and the command line's hint says when a file named .xlsx is none (cli/input.ts).

/** A zip's local file header: every .xlsx begins so. */
const ZIP_START = [0x50, 0x4b, 0x03, 0x04] as const;
/** An OLE compound file: an old .xls, or an .xlsx saved with a password. */
const OLE_START = [0xd0, 0xcf, 0x11, 0xe0] as const;

/** Bytes needed to tell a workbook: both signatures are four bytes. */
export const WORKBOOK_START_LENGTH = 4;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

/** Whether `bytes` begin as an OLE compound file (an old .xls, a password-protected .xlsx). */
export function isOleStart(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_START);
}

/** Whether `bytes` begin as a workbook: a zip (.xlsx) or an OLE compound file (.xls, a password-protected .xlsx). */
export function isWorkbookStart(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_START) || isOleStart(bytes);
}
