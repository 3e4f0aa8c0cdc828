/**
 * An own, enumerable property whose value is made on first read (then kept) and may be set, as
 * `Object.defineProperty(target, key, { get, set })` with closures of its own would make it,
 * but with one getter and one setter for every object: V8 keeps accessors in the object's hidden
 * class, and a pair of closures per object gave every object a class of its own, each holding
 * its closures, and through them the document's text view, until the next full collection (a
 * parsed document's view survived every young-generation collection: a tenth of parsing time).
 */
const LAZY = Symbol("lazy");

interface Lazy {
  make: () => unknown;
  value: unknown;
}

type WithLazy = Record<PropertyKey, unknown> & { [LAZY]: Record<PropertyKey, Lazy> };

function getter(key: PropertyKey): (this: WithLazy) => unknown {
  return function (this: WithLazy) {
    const lazy = this[LAZY][key]!;
    return (lazy.value ??= lazy.make());
  };
}

function setter(key: PropertyKey): (this: WithLazy, value: unknown) => void {
  return function (this: WithLazy, value: unknown) {
    this[LAZY][key]!.value = value;
  };
}

const accessors = new Map<PropertyKey, PropertyDescriptor>();

export function lazyProperty<T extends object>(target: T, key: string, make: () => unknown): void {
  let descriptor = accessors.get(key);
  if (!descriptor) {
    descriptor = { enumerable: true, configurable: true, get: getter(key), set: setter(key) };
    accessors.set(key, descriptor);
  }
  const holder = target as unknown as WithLazy;
  if (!Object.prototype.hasOwnProperty.call(holder, LAZY))
    Object.defineProperty(holder, LAZY, { value: {}, enumerable: false });
  holder[LAZY][key] = { make, value: undefined };
  Object.defineProperty(target, key, descriptor);
}
