/**
 * The value a record holds under `key` itself, never one inherited from Object.prototype:
 * a command `constructor`, a file `plan.toString` or a CSV header `__proto__` is just a name.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
