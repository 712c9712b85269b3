import type { BadgeTone } from "../ui/badge";

export const RULE_LABELS: Record<string, string> = {
  majority: "Majority",
  unanimous: "Unanimous",
  adjudicator: "Adjudicator decides",
};

export const RULE_HINTS: Record<string, string> = {
  majority: "A strict majority of the k decisions wins; a tie goes to adjudication by an admin or curator.",
  unanimous: "All k must agree; any disagreement goes to adjudication by an admin or curator.",
  adjudicator: "All k must agree; any disagreement goes to the adjudicator you name.",
};

export const ACCESS_LABELS: Record<string, string> = {
  assigned: "Assigned",
  open: "Open",
};

export const ACCESS_HINTS: Record<string, string> = {
  assigned: "Each trace is dealt to k reviewers up front, round-robin, so everyone gets an even share.",
  open: "The first k reviewers to open a trace review it; an opened trace is reserved for a while so others skip it.",
};

export const STATUS_TONES: Record<string, BadgeTone> = {
  planning: "slate",
  active: "blue",
  closed: "green",
  failed: "red",
};

export const STATE_TONES: Record<string, BadgeTone> = {
  open: "slate",
  agreed: "green",
  disputed: "amber",
  resolved: "indigo",
};

export const percent = (part: number, whole: number) => (whole > 0 ? Math.floor((part / whole) * 100) : 0);
