// The rubrics a new installation starts with, each scored 1-5 with every level spelled out, so
// two runs (and two judges) read a score the same way. A score of 4 or more counts as "approve".

export type DefaultRubric = { name: string; instructions: string; scale: 5; passScore: 4 };

const levels = (lines: [string, string, string, string, string]) =>
  lines.map((line, i) => `${i + 1}: ${line}`).join("\n");

export const DEFAULT_RUBRICS: readonly DefaultRubric[] = [
  {
    name: "Correctness",
    scale: 5,
    passScore: 4,
    instructions: [
      "Judge whether the final answer is right and the reasoning that leads to it is valid.",
      "Compare with the reference answer when one is given; otherwise work the task out yourself.",
      "A right answer reached by invalid reasoning is not correct.",
      "",
      levels([
        "The final answer is wrong, missing, or the response refuses or answers another question.",
        "The final answer is wrong, though parts of the reasoning are sound.",
        "The final answer is right, but the reasoning has a real error or a guess that happens to land.",
        "The final answer is right and the reasoning is valid, with a minor slip that does not affect it.",
        "The final answer is right and every step of the reasoning is valid.",
      ]),
    ].join("\n"),
  },
  {
    name: "Quality of steps",
    scale: 5,
    passScore: 4,
    instructions: [
      "Judge the steps themselves, not only the answer: does each step follow from the ones before,",
      "are there leaps a reader cannot follow, and is there filler (restating the question,",
      "empty phrases, repetition) that teaches nothing?",
      "",
      levels([
        "No real steps: a bare answer, or steps that do not connect to each other.",
        "Several leaps or wrong turns; a reader could not follow how the answer was reached.",
        "The steps mostly follow, with a leap or noticeable filler.",
        "Each step follows; at most a little filler or one small gap that is easy to fill.",
        "Each step follows from the previous ones, nothing is skipped, and nothing is filler.",
      ]),
    ].join("\n"),
  },
  {
    name: "Educational value",
    scale: 5,
    passScore: 4,
    instructions: [
      "Judge whether a student who reads this response would learn the method, so that they could",
      "solve a similar problem on their own: is the why explained, not only the what?",
      "",
      levels([
        "Nothing to learn: wrong, misleading, or only an answer.",
        "Little to learn: the method is hidden behind unexplained calculations.",
        "Some value: the method can be pieced together, but the why is rarely said.",
        "Good value: the method is clear and mostly explained; a student could reuse it.",
        "Excellent: the method and the reasons for each step are explained clearly, ready to reuse.",
      ]),
    ].join("\n"),
  },
];
