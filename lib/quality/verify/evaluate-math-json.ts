import { asFunction, symbolName, type MathJson } from "./math-json";

// Our own real-valued evaluator over the engine's MathJSON: a double per node, no bignums, no
// loops, so its cost is bounded by the expression's size (the engine's own N() is not).

/** The expression holds something this evaluator does not compute (a sum, a string, a matrix). */
export class NotEvaluableError extends Error {}

const CONSTANTS: Record<string, number> = {
  Pi: Math.PI,
  ExponentialE: Math.E,
  PositiveInfinity: Infinity,
  NegativeInfinity: -Infinity,
  Half: 0.5,
};

type Operator = (args: number[]) => number;
// A missing operand is not a number (["Divide", 1] is malformed, not 1/undefined).
const unary =
  (f: (x: number) => number): Operator =>
  (args) =>
    f(args[0] ?? NaN);
const binary =
  (f: (x: number, y: number) => number): Operator =>
  (args) =>
    f(args[0] ?? NaN, args[1] ?? NaN);

const OPERATORS: Record<string, Operator> = {
  Add: (args) => args.reduce((sum, x) => sum + x, 0),
  Subtract: (args) => (args.length === 1 ? -(args[0] ?? NaN) : (args[0] ?? NaN) - (args[1] ?? NaN)),
  Negate: unary((x) => -x),
  Multiply: (args) => args.reduce((product, x) => product * x, 1),
  Divide: binary((x, y) => x / y),
  Rational: binary((x, y) => x / y),
  Power: binary(Math.pow),
  Square: unary((x) => x * x),
  Sqrt: unary(Math.sqrt),
  Root: binary(root),
  Exp: unary(Math.exp),
  Ln: unary(Math.log),
  Log: (args) => Math.log(args[0] ?? NaN) / Math.log(args[1] ?? 10),
  Lb: unary(Math.log2),
  Lg: unary(Math.log10),
  Abs: unary(Math.abs),
  Floor: unary(Math.floor),
  Ceil: unary(Math.ceil),
  Round: unary(Math.round),
  Factorial: unary(factorial),
  Sin: unary(Math.sin),
  Cos: unary(Math.cos),
  Tan: unary(Math.tan),
  Sec: unary((x) => 1 / Math.cos(x)),
  Csc: unary((x) => 1 / Math.sin(x)),
  Cot: unary((x) => 1 / Math.tan(x)),
  Arcsin: unary(Math.asin),
  Arccos: unary(Math.acos),
  Arctan: (args) => (args.length === 2 ? binary(Math.atan2)(args) : unary(Math.atan)(args)),
  Sinh: unary(Math.sinh),
  Cosh: unary(Math.cosh),
  Tanh: unary(Math.tanh),
  Complex: binary((re, im) => (im === 0 ? re : NaN)),
  Delimiter: unary((x) => x),
};

function root(x: number, n: number): number {
  const odd = Number.isInteger(n) && Math.abs(n % 2) === 1;
  return x < 0 && odd ? -Math.pow(-x, 1 / n) : Math.pow(x, 1 / n);
}

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new NotEvaluableError("factorial of a non-natural number");
  if (n > 170) return Infinity; // past 170! a double overflows anyway
  let product = 1;
  for (let k = 2; k <= n; k++) product *= k;
  return product;
}

/** The symbols an expression depends on (its variables), constants excluded. */
export function freeSymbols(node: MathJson, into = new Set<string>()): Set<string> {
  const name = symbolName(node);
  if (name !== undefined && !(name in CONSTANTS)) into.add(name);
  asFunction(node)?.[1].forEach((operand) => freeSymbols(operand, into));
  return into;
}

/** The value of an expression with its variables set from `values`. */
export function evaluate(node: MathJson, values: Record<string, number>): number {
  if (typeof node === "number") return node;
  if (node !== null && typeof node === "object" && "num" in node) return parseNum(node.num);
  const name = symbolName(node);
  if (name !== undefined) {
    const value = CONSTANTS[name] ?? values[name];
    if (value === undefined) throw new NotEvaluableError(`no value for ${name}`);
    return value;
  }
  const fn = asFunction(node);
  const operator = fn && OPERATORS[fn[0]];
  if (!fn || !operator) throw new NotEvaluableError(`cannot evaluate ${JSON.stringify(node).slice(0, 40)}`);
  return operator(fn[1].map((operand) => evaluate(operand, values)));
}

function parseNum(num: string): number {
  const value = Number(num.replace(/^\+/, ""));
  if (Number.isNaN(value) && num !== "NaN") throw new NotEvaluableError(`number ${num}`);
  return value;
}
