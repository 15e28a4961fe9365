/*
 * Text UP prints can hold what a user's file holds: an ESC byte from a CSV would reach the
 * terminal as a command (colours, cursor moves, a rewritten line), a bidirectional override
 * would show the line in another order. Such characters are printed as \uXXXX escapes, which
 * is also how JSON writes them, so --json output keeps its meaning.
 */

const UNSAFE = /(?![\n\t])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) =>
    Array.from(
      { length: c.length },
      (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`
    ).join("")
  );
}
