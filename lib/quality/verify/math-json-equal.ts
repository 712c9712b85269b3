import { evaluate, freeSymbols, NotEvaluableError } from "./evaluate-math-json";
import { asFunction, symbolName, type MathJson } from "./math-json";
import { withinTolerance } from "./parse-number";
import type { Tolerance } from "./settings";

const ORDERED = new Set(["Tuple", "List", "Sequence", "Pair", "Triple"]);
// Fixed "random" points: reproducible verdicts, both signs, no small integers where forms often agree by chance.
const POINTS = [0.5377, 1.8339, -2.2588, 0.8622, 0.3188, -1.3077, 2.7694, -0.4336];
const AGREEING_POINTS_NEEDED = 3;

/** "x = 5" -> 5: an answer written as an assignment to one variable stands for its value. */
function assignedValue(node: MathJson): MathJson {
  const [head, [variable, value] = []] = asFunction(node) ?? [];
  const isAssignment = head === "Equal" && variable !== undefined && symbolName(variable) !== undefined;
  return isAssignment && value !== undefined ? value : node;
}

/**
 * Mathematical equality of two parsed answers: tuples element by element, sets in any order,
 * scalars by value (at several points when they have variables). undefined when it cannot tell
 * (text, an unsupported operator, values undefined at every point).
 */
export function mathJsonEqual(gold: MathJson, target: MathJson, tolerance: Tolerance): boolean | undefined {
  const a = assignedValue(gold);
  const b = assignedValue(target);
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  const fa = asFunction(a);
  const fb = asFunction(b);
  const collection = (fn: typeof fa) => fn !== undefined && (ORDERED.has(fn[0]) || fn[0] === "Set");
  if (collection(fa) || collection(fb)) {
    if (!fa || !fb || fa[0] !== fb[0] || fa[1].length !== fb[1].length) return false;
    return fa[0] === "Set" ? sameSet(fa[1], fb[1], tolerance) : sameSequence(fa[1], fb[1], tolerance);
  }
  return sameValue(a, b, tolerance);
}

function sameSequence(a: MathJson[], b: MathJson[], tolerance: Tolerance): boolean | undefined {
  const verdicts = a.map((item, i) => {
    const other = b[i];
    return other === undefined ? false : mathJsonEqual(item, other, tolerance);
  });
  if (verdicts.includes(false)) return false;
  return verdicts.every((verdict) => verdict === true) ? true : undefined;
}

function sameSet(a: MathJson[], b: MathJson[], tolerance: Tolerance): boolean {
  const covers = (xs: MathJson[], ys: MathJson[]) =>
    xs.every((x) => ys.some((y) => mathJsonEqual(x, y, tolerance) === true));
  return covers(a, b) && covers(b, a);
}

function sameValue(a: MathJson, b: MathJson, tolerance: Tolerance): boolean | undefined {
  const variables = [...freeSymbols(a, freeSymbols(b))];
  const points = variables.length === 0 ? [{}] : POINTS.map((_, k) => pointAt(variables, k));
  let agreeing = 0;
  for (const point of points) {
    let x: number;
    let y: number;
    try {
      x = evaluate(a, point);
      y = evaluate(b, point);
    } catch (error) {
      if (error instanceof NotEvaluableError) return undefined;
      throw error;
    }
    const finite = Number.isFinite(x) && Number.isFinite(y);
    if (finite && !withinTolerance(x, y, tolerance)) return false;
    // Defined on one side only: different functions (sqrt(x^2) and x differ at x < 0).
    if (Number.isFinite(x) !== Number.isFinite(y) && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    if (finite) agreeing++;
  }
  return agreeing >= Math.min(AGREEING_POINTS_NEEDED, points.length) ? true : undefined;
}

/** Point k gives each variable its own value, so x + y and 2x differ. */
function pointAt(variables: string[], k: number): Record<string, number> {
  return Object.fromEntries(variables.map((name, i) => [name, POINTS[(k + 3 * i) % POINTS.length] ?? 0]));
}
