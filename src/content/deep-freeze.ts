/** Freezes a model all the way down: a loaded site is a value that nothing may change. */
export function deepFreeze<T>(value: T): T {
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.isFrozen(value) ||
    Buffer.isBuffer(value)
  ) {
    return value;
  }
  for (const key of Reflect.ownKeys(value))
    deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return Object.freeze(value);
}
