/** The worker loop's wait: ms, or until something ends (wake), whichever comes first. */
export class Sleeper {
  private woken = false;
  private resume: (() => void) | undefined;

  /** After the current turn, so calls that end together are refilled by one lease. */
  wake(): void {
    this.woken = true;
    const resume = this.resume;
    this.resume = undefined;
    if (resume) setImmediate(resume);
  }

  /** Ends the current sleep at once (stopping). */
  interrupt(): void {
    this.resume?.();
  }

  sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const resume = () => {
        clearTimeout(timer);
        if (this.resume === resume) this.resume = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(resume, ms);
      this.resume = resume;
    });
  }
}
