/**
 * Recognises a unique-index violation across both drivers: Drizzle wraps the driver's error
 * (`cause`), postgres.js names the index `constraint_name`, PGlite `constraint`.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const record = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (record.code === "23505") {
      const name = record.constraint_name ?? record.constraint;
      return constraint === undefined || name === constraint;
    }
    e = record.cause;
  }
  return false;
}
