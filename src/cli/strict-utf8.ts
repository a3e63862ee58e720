/**
 * The text of UTF-8 bytes, or undefined when they are not UTF-8: a file the command reads as UTF-8 (a profile file, a
 * division list) that is GBK would otherwise load with U+FFFD in its names. A leading BOM is dropped.
 */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
