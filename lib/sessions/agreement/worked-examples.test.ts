// Published worked examples: the asserted values are the ones printed in the cited sources.
import { describe, expect, it } from "vitest";
import { cohensKappa, fleissKappa, krippendorffAlphaNominal, pairwiseCohens, percentAgreement } from ".";
import { fromColumns, fromCounts, fromCrossTab } from "./test-tables";

describe("Cohen's kappa", () => {
  it("reproduces the 50-proposal yes/no example (κ = 0.4, po = 0.7, pe = 0.5)", () => {
    // Wikipedia, "Cohen's kappa", Examples: readers A and B, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    const items = fromCrossTab(
      [
        [20, 5],
        [10, 15],
      ],
      ["yes", "no"],
    );
    const result = cohensKappa(items, "A", "B");
    expect(result.n).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 3);
    expect(result.expected).toBeCloseTo(0.5, 3);
    expect(result.kappa).toBeCloseTo(0.4, 3);
  });

  it("gives the same 60% agreement different κ by the marginals (0.1304 and 0.2593)", () => {
    // Wikipedia, "Cohen's kappa", "Same percentages but different numbers": 45/15/25/15 and 25/35/5/35.
    const first = fromCrossTab(
      [
        [45, 15],
        [25, 15],
      ],
      ["yes", "no"],
    );
    const second = fromCrossTab(
      [
        [25, 35],
        [5, 35],
      ],
      ["yes", "no"],
    );
    expect(cohensKappa(first, "A", "B").observed).toBeCloseTo(0.6, 3);
    expect(cohensKappa(first, "A", "B").kappa).toBeCloseTo(0.1304, 3);
    expect(cohensKappa(second, "A", "B").observed).toBeCloseTo(0.6, 3);
    expect(cohensKappa(second, "A", "B").kappa).toBeCloseTo(0.2593, 3);
  });

  it("reproduces SAS PROC FREQ's simple kappa on a 3×3 table with an unused column (0.4842)", () => {
    // SAS printout "Simple Kappa Coefficient: Kappa 0.4842" for [[0,4,1],[0,8,0],[0,1,5]], as
    // checked in statsmodels' stats/tests/test_inter_rater.py (UnweightedCohens).
    const items = fromCrossTab(
      [
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ],
      ["1", "2", "3"],
    );
    expect(cohensKappa(items, "A", "B").kappa).toBeCloseTo(0.4842, 3);
  });

  it("reproduces R irr's kappa2 on the anxiety ratings, raters 2 and 3 (κ = −0.006289308)", () => {
    // R package irr, data `anxiety` (20 subjects, 3 raters): kappa2(anxiety[,2:3]) prints
    // Kappa = -0.00629, as recorded in statsmodels' test_inter_rater.py (test_cohens_kappa_irr).
    const items = fromColumns({
      rater2: [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
      rater3: [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2],
    });
    const result = cohensKappa(items, "rater2", "rater3");
    expect(result.n).toBe(20);
    expect(result.kappa).toBeCloseTo(-0.006289308, 3);
    expect(pairwiseCohens(items)).toEqual([{ raterA: "rater2", raterB: "rater3", ...result }]);
  });
});

// Wikipedia, "Fleiss' kappa", Worked example: 10 subjects, 14 raters, 5 categories; the page prints
// P_i per row (1.000, 0.253, …), P̄ = 0.378, P̄e = 0.213 and κ = 0.210.
const WIKIPEDIA_FLEISS = fromCounts(
  [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ],
  ["1", "2", "3", "4", "5"],
);

describe("Fleiss' kappa", () => {
  it("reproduces the Wikipedia 14-rater worked example (κ = 0.210)", () => {
    const result = fleissKappa(WIKIPEDIA_FLEISS);
    expect(result.n).toBe(10);
    expect(result.ratingsPerItem).toBe(14);
    expect(result.excluded).toBe(0);
    expect(result.observed).toBeCloseTo(0.378, 3);
    expect(result.expected).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
  });

  it("reproduces Fleiss (1971): 30 patients, 6 psychiatrists, 5 diagnoses (κ = 0.430)", () => {
    // Fleiss (1971), Psychological Bulletin 76(5) 378–382, Table 1; the same data is `diagnoses` in
    // R package irr, whose kappam.fleiss prints Kappa = 0.43 (0.4302445 in statsmodels' tests).
    const diagnoses = [
      [4, 4, 4, 4, 4, 4],
      [2, 2, 2, 5, 5, 5],
      [2, 3, 3, 3, 3, 5],
      [5, 5, 5, 5, 5, 5],
      [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3],
      [3, 3, 3, 3, 5, 5],
      [1, 1, 3, 3, 3, 4],
      [1, 1, 4, 4, 4, 4],
      [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4],
      [1, 2, 4, 4, 4, 4],
      [2, 2, 2, 3, 3, 3],
      [1, 4, 4, 4, 4, 4],
      [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5],
      [1, 1, 1, 4, 5, 5],
      [1, 1, 1, 1, 1, 2],
      [2, 2, 4, 4, 4, 4],
      [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5],
      [2, 4, 4, 4, 4, 4],
      [2, 2, 4, 5, 5, 5],
      [1, 1, 4, 4, 4, 4],
      [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4],
      [1, 1, 1, 1, 5, 5],
      [2, 2, 4, 4, 4, 4],
      [1, 3, 3, 3, 3, 3],
      [5, 5, 5, 5, 5, 5],
    ];
    const items = diagnoses.map((row, i) => ({
      itemId: `patient-${i + 1}`,
      ratings: row.map((d, r) => ({ reviewerId: `psychiatrist-${r + 1}`, label: String(d) })),
    }));
    const result = fleissKappa(items);
    expect(result.n).toBe(30);
    expect(result.kappa).toBeCloseTo(0.43, 3);
  });
});

describe("percent agreement", () => {
  it("gives Fleiss's P̄ on the Wikipedia worked example (0.378) and one unanimous subject", () => {
    // Same table as above: P̄ = 0.378; only subject 1 (all 14 in category 5) is unanimous.
    const result = percentAgreement(WIKIPEDIA_FLEISS);
    expect(result.n).toBe(10);
    expect(result.pairwise).toBeCloseTo(0.378, 3);
    expect(result.unanimous).toBeCloseTo(0.1, 3);
  });
});

describe("Krippendorff's alpha, nominal", () => {
  it("reproduces the 4-observer, 12-unit example with missing data (α = 0.743)", () => {
    // Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C (nominal data,
    // any number of observers, missing data): α = 0.743. Unit 12 has one value and is not pairable;
    // the coincidence matrix totals 40 values.
    const items = fromColumns({
      A: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      C: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    });
    const result = krippendorffAlphaNominal(items);
    expect(result.n).toBe(11);
    expect(result.pairableValues).toBe(40);
    expect(result.alpha).toBeCloseTo(0.743, 3);
  });

  it("reproduces the two-observer binary example (α = 0.095)", () => {
    // Krippendorff (2011), section A (binary data, two observers, no missing data).
    const items = fromColumns({
      A: [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      B: [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    });
    expect(krippendorffAlphaNominal(items).alpha).toBeCloseTo(0.095, 3);
  });

  it("reproduces the two-observer nominal example (α = 0.692)", () => {
    // Krippendorff (2011), section B (nominal data, two observers, no missing data).
    const items = fromColumns({
      Ben: ["a", "a", "b", "b", "d", "c", "c", "c", "e", "d", "d", "a"],
      Gerry: ["b", "a", "b", "b", "b", "c", "c", "c", "e", "d", "d", "d"],
    });
    expect(krippendorffAlphaNominal(items).alpha).toBeCloseTo(0.692, 3);
  });

  it("reproduces the Wikipedia computational example read as nominal (α = 0.691)", () => {
    // Wikipedia, "Krippendorff's alpha", A computational example (3 coders, 15 units, sparse);
    // α_nominal = 0.691 as asserted by the fast-krippendorff package's tests (0.691358).
    const items = fromColumns({
      A: [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
      B: [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
      C: [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
    });
    expect(krippendorffAlphaNominal(items).alpha).toBeCloseTo(0.691, 3);
  });
});
