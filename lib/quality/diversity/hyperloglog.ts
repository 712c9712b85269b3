// A HyperLogLog sketch (Flajolet et al. 2007): counts distinct items in 2^precision bytes,
// standard error 1.04 / sqrt(2^precision) (0.8% at the default 14). Items arrive pre-hashed
// as two 32-bit halves, so the sketch never saturates.

export class HyperLogLog {
  private readonly registers: Uint8Array;
  private readonly precision: number;

  constructor(precision = 14) {
    this.precision = precision;
    this.registers = new Uint8Array(1 << precision);
  }

  add(a: number, b: number): void {
    const index = a >>> (32 - this.precision);
    const rest = (a << this.precision) | 0; // the bits of `a` the index did not use
    const rank = rest !== 0 ? Math.clz32(rest) + 1 : 32 - this.precision + Math.clz32(b) + 1;
    if (rank > (this.registers[index] as number)) this.registers[index] = rank;
  }

  estimate(): number {
    const m = this.registers.length;
    let sum = 0;
    let zeros = 0;
    for (const register of this.registers) {
      sum += 2 ** -register;
      if (register === 0) zeros += 1;
    }
    const raw = ((0.7213 / (1 + 1.079 / m)) * m * m) / sum;
    return raw <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : raw; // linear counting when small
  }
}
