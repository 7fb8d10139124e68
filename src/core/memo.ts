// A pure function of a string, remembered per argument: for lookups that hot code repeats with the
// same few values (a path spelling on every line of a loop, the same host in every rule). Bounded:
// past `max` distinct arguments the memory is dropped and refilled, so hostile input with endless
// distinct values costs recomputation, never unbounded memory.

export function memoized<T>(fn: (key: string) => T, max: number): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    if (known.size >= max) known.clear();
    const value = fn(key);
    known.set(key, value);
    return value;
  };
}
