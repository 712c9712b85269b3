"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, usePlotArea, XAxis, YAxis } from "recharts";

// Thin wrappers over recharts with the dashboard's look. Charts sit inside role="img" (see
// ChartFigure), which speaks their numbers: recharts' own keyboard layer is switched off.

const ROW = 30;
const AXIS = 36;
const shorten = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const labelWidth = (labels: string[]) =>
  Math.min(240, 16 + 7 * Math.max(4, ...labels.map((l) => shorten(l).length)));
const TEXT_COLUMN = 112;

/**
 * A row's tick: its name on the left (one line, shortened) and its figures ("82% · n=140") in a
 * column right of the plot, where they show whatever the bar's length, zero included.
 */
function RowTick({
  x = 0,
  y = 0,
  payload,
  texts,
}: {
  x?: number;
  y?: number;
  payload?: { value: unknown; index: number };
  texts: string[];
}) {
  const plot = usePlotArea();
  const text = payload ? texts[payload.index] : undefined;
  return (
    <g>
      <text x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="#475569">
        {shorten(String(payload?.value ?? ""))}
      </text>
      {plot && text && (
        <text x={plot.x + plot.width + 8} y={y} dy={4} fontSize={11} fill="#334155">
          {text}
        </text>
      )}
    </g>
  );
}

export type HorizontalBar = { label: string; value: number; text: string };

/** One bar per row, its figures ("82% · n=140") in a column at the right. */
export function HorizontalBars({
  data,
  max,
  color = "#4f46e5",
  unit = "",
  decimals = false,
}: {
  data: HorizontalBar[];
  /** Ticks between whole numbers (dollars); counts and rates go by whole steps. */
  decimals?: boolean;
  /** The axis's end (100 for rates); the largest value when left out. */
  max?: number;
  color?: string;
  unit?: string;
}) {
  return (
    <BarChart
      layout="vertical"
      data={data}
      responsive
      style={{ width: "100%", height: data.length * ROW + AXIS }}
      margin={{ top: 4, right: TEXT_COLUMN, bottom: 4, left: 4 }}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis
        type="number"
        domain={[0, max ?? "dataMax"]}
        unit={unit}
        tick={{ fontSize: 11 }}
        allowDecimals={decimals}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={labelWidth(data.map((d) => d.label))}
        tick={<RowTick texts={data.map((d) => d.text)} />}
        interval={0}
      />
      <Tooltip
        cursor={{ fill: "#f1f5f9" }}
        formatter={(_value, _name, item) => [(item.payload as HorizontalBar).text, ""]}
      />
      <Bar dataKey="value" fill={color} radius={[0, 3, 3, 0]} isAnimationActive={false} barSize={18} />
    </BarChart>
  );
}

export type OutcomeBar = { label: string; pass: number; fail: number; warn: number; text: string };

const OUTCOME_COLORS = { pass: "#10b981", warn: "#f59e0b", fail: "#f43f5e" } as const;
const OUTCOME_NAMES = { pass: "passed", warn: "needs a look", fail: "failed" } as const;

/** Pass / warn / fail stacked per row, the pass rate in a column at the right. */
export function OutcomeBars({ data }: { data: OutcomeBar[] }) {
  return (
    <BarChart
      layout="vertical"
      data={data}
      responsive
      style={{ width: "100%", height: data.length * ROW + AXIS }}
      margin={{ top: 4, right: TEXT_COLUMN, bottom: 4, left: 4 }}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis type="number" tick={{ fontSize: 11 }} allowDecimals={false} />
      <YAxis
        type="category"
        dataKey="label"
        width={labelWidth(data.map((d) => d.label))}
        tick={<RowTick texts={data.map((d) => d.text)} />}
        interval={0}
      />
      <Tooltip cursor={{ fill: "#f1f5f9" }} />
      {(["pass", "warn", "fail"] as const).map((key) => (
        <Bar
          key={key}
          dataKey={key}
          name={OUTCOME_NAMES[key]}
          stackId="outcome"
          fill={OUTCOME_COLORS[key]}
          isAnimationActive={false}
          barSize={18}
        />
      ))}
    </BarChart>
  );
}

export type Column = { label: string; value: number };

/** Vertical columns over ordered buckets (a histogram, scores 1..5). */
export function Columns({
  data,
  color = "#6366f1",
  height = 180,
}: {
  data: Column[];
  color?: string;
  height?: number;
}) {
  return (
    <BarChart
      data={data}
      responsive
      style={{ width: "100%", height }}
      margin={{ top: 16, right: 8, bottom: 4, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
      <YAxis tick={{ fontSize: 11 }} allowDecimals={false} width={48} />
      <Tooltip cursor={{ fill: "#f1f5f9" }} />
      <Bar dataKey="value" name="traces" fill={color} radius={[3, 3, 0, 0]} isAnimationActive={false}>
        <LabelList dataKey="value" position="top" style={{ fontSize: 10, fill: "#475569" }} />
      </Bar>
    </BarChart>
  );
}
