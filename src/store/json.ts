/** JSON columns come back as objects from Postgres (jsonb) and as text from SQLite. */
export function decodeJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function encodeJson(value: unknown): string {
  return JSON.stringify(value);
}
