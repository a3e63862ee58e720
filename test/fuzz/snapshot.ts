// The shape of a value as a flat list of tokens, read without running any of the caller's code (no getter, no
// Proxy trap's result, no toString): the fuzz compares the arguments' snapshots before and after every call, so an
// export that writes into, adds to, freezes or re-links a value it was given fails where it does it — and not,
// several tests later, in whichever call meets the changed value.

/** At most this many objects are walked per argument (the fuzz's values are small; a bound keeps the check cheap). */
const MAX_OBJECTS = 2_000;

/** Stands for an object whose keys cannot be listed without the caller's code throwing (a hostile Proxy). */
const OPAQUE = Symbol('opaque');
/** Stands for an object already walked (then its number), or for the rest of a value past {@link MAX_OBJECTS}. */
const SEEN = Symbol('seen');
const CUT = Symbol('cut');

/** A value's tokens, and where each object's tokens start with the path that leads to it (for the message). */
export interface Snapshot {
  readonly tokens: readonly unknown[];
  readonly starts: readonly number[];
  readonly paths: readonly string[];
}

/** The snapshot of `value`: primitives as they are, objects by identity, then their prototype, state and own keys. */
export function snapshot(value: unknown, path = ''): Snapshot {
  const tokens: unknown[] = [];
  const starts: number[] = [];
  const paths: string[] = [];
  const seen = new Map<object, number>();
  const pending: [unknown, string][] = [[value, path]];
  // Breadth first with an explicit queue: a deep value cannot overflow the stack.
  for (let next = 0; next < pending.length; next++) {
    const [item, itemPath] = pending[next] as [unknown, string];
    if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
      tokens.push(item);
    } else if (seen.has(item)) {
      tokens.push(SEEN, seen.get(item));
    } else if (seen.size >= MAX_OBJECTS) {
      tokens.push(CUT);
    } else {
      seen.set(item, seen.size);
      starts.push(tokens.length);
      paths.push(itemPath);
      tokens.push(item);
      // A function is compared by identity only: its own keys are the engine's (name, length, prototype).
      if (typeof item === 'object') objectTokens(item, itemPath, tokens, pending);
    }
  }
  return { tokens, starts, paths };
}

/** Pushes the state of one object: prototype, extensibility, contents of built-ins, own property descriptors. */
function objectTokens(item: object, path: string, tokens: unknown[], pending: [unknown, string][]): void {
  let keys: (string | symbol)[];
  try {
    tokens.push(Object.getPrototypeOf(item), Object.isExtensible(item));
    keys = Reflect.ownKeys(item);
  } catch {
    tokens.push(OPAQUE);
    return;
  }
  if (ArrayBuffer.isView(item)) {
    // Its indices are its bytes (a typed array's own keys are not descriptors that can change otherwise).
    for (const byte of new Uint8Array(item.buffer, item.byteOffset, item.byteLength)) tokens.push(byte);
    return;
  }
  builtInTokens(item, path, tokens, pending);
  tokens.push(keys.length);
  for (const key of keys) {
    const descriptor = Reflect.getOwnPropertyDescriptor(item, key);
    if (descriptor === undefined) continue;
    tokens.push(key, descriptor.enumerable, descriptor.configurable);
    if ('value' in descriptor) {
      tokens.push(descriptor.writable);
      pending.push([descriptor.value, `${path}.${String(key)}`]);
    } else tokens.push(descriptor.get, descriptor.set);
  }
}

/** The internal state of the built-ins the fuzz makes (bytes, entries, time), read through the prototypes' methods. */
function builtInTokens(item: object, path: string, tokens: unknown[], pending: [unknown, string][]): void {
  try {
    if (item instanceof ArrayBuffer) {
      for (const byte of new Uint8Array(item)) tokens.push(byte);
    } else if (item instanceof Map) {
      let size = 0;
      Map.prototype.forEach.call(item, (entry, key) => {
        pending.push([key, `${path}<key ${size}>`], [entry, `${path}<value ${size}>`]);
        size++;
      });
      tokens.push(size);
    } else if (item instanceof Set) {
      let size = 0;
      Set.prototype.forEach.call(item, (entry) => pending.push([entry, `${path}<entry ${size++}>`]));
      tokens.push(size);
    } else if (item instanceof Date) {
      tokens.push(Date.prototype.getTime.call(item));
    }
  } catch {
    // An object that only claims a built-in's prototype has no such state: its own keys say all.
    tokens.push(OPAQUE);
  }
}

/** Where two snapshots of the same value first differ, as text for a failure message; `undefined` when they agree. */
export function snapshotDifference(before: Snapshot, after: Snapshot): string | undefined {
  const length = Math.max(before.tokens.length, after.tokens.length);
  for (let index = 0; index < length; index++) {
    if (!Object.is(before.tokens[index], after.tokens[index])) {
      let owner = 0;
      while (owner + 1 < before.starts.length && (before.starts[owner + 1] as number) <= index) owner++;
      return `${before.paths[owner] || '(the argument)'} changed`;
    }
  }
  return undefined;
}

/** Every object and function a value holds (itself included; prototypes and accessors are not walked into). */
export function objectsIn(value: unknown): unknown[] {
  const { tokens, starts } = snapshot(value);
  return starts.map((start) => tokens[start]);
}
