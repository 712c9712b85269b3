/** The engine's MathJSON, as far as this module reads it (numbers, symbols, 'strings', functions). */
export type MathJson =
  | number
  | string
  | { num: string }
  | { sym: string }
  | { str: string }
  | { fn: readonly [string, ...MathJson[]] }
  | readonly [string, ...MathJson[]];

/** A node as head + operands, or undefined for a leaf (number, symbol name, 'string'). */
export function asFunction(node: MathJson): [string, MathJson[]] | undefined {
  if (Array.isArray(node)) {
    const [head, ...operands] = node as readonly [string, ...MathJson[]];
    return [head, operands];
  }
  if (typeof node === "object" && "fn" in node) return [node.fn[0], node.fn.slice(1)];
  return undefined;
}

/** A symbol's name, or undefined for other nodes (strings are written 'quoted'). */
export function symbolName(node: MathJson): string | undefined {
  if (typeof node === "string") return node.startsWith("'") ? undefined : node;
  if (typeof node === "object" && "sym" in node) return node.sym;
  return undefined;
}
