import Link from "next/link";
import type { Overview } from "@/lib/overview/queries";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";

type Step = { href: string; title: string; figure: string; detail: string; done: boolean };

/** The five steps of building a corpus, with where each stands. */
export function Pipeline({ data }: { data: Overview }) {
  const steps: Step[] = [
    {
      href: "/bank",
      title: "System messages",
      figure: `${data.messages.enabled}`,
      detail: `enabled of ${data.messages.total} in the bank`,
      done: data.messages.enabled > 0,
    },
    {
      href: "/prompts",
      title: "Prompts",
      figure: data.prompts.prompts.toLocaleString("en"),
      detail: `in ${data.prompts.sets} prompt set${data.prompts.sets === 1 ? "" : "s"}`,
      done: data.prompts.prompts > 0,
    },
    {
      href: "/teachers",
      title: "Teachers",
      figure: `${data.providers}`,
      detail: data.providers ? "configured" : "add an OpenAI-compatible or Anthropic endpoint",
      done: data.providers > 0,
    },
    {
      href: "/jobs",
      title: "Generation jobs",
      figure: `${data.jobs.total}`,
      detail: data.jobs.active ? `${data.jobs.active} running now` : "launched so far",
      done: data.jobs.total > 0,
    },
    {
      href: "/review",
      title: "Review",
      figure: data.traces.pending.toLocaleString("en"),
      detail: `traces waiting · ${data.traces.approved} approved · ${data.traces.rejected} rejected${data.traces.conflict ? ` · ${data.traces.conflict} in conflict` : ""}`,
      done: data.traces.total > 0 && data.traces.pending === 0,
    },
  ];
  return (
    <ol className="grid gap-4 md:grid-cols-5">
      {steps.map((step, i) => (
        <li key={step.href}>
          <Link href={step.href} className="block h-full">
            <Card
              className={cn(
                "h-full p-4 transition-shadow hover:shadow-md",
                step.done && "border-emerald-200",
              )}
            >
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
                {i + 1}. {step.title}
              </p>
              <p className="mt-2 text-3xl font-semibold text-slate-900">{step.figure}</p>
              <p className="mt-1 text-sm text-slate-600">{step.detail}</p>
            </Card>
          </Link>
        </li>
      ))}
    </ol>
  );
}
