// Placeholder until the bank domain lands.
export async function seedBank(): Promise<{ created: number }> {
  return { created: 0 };
}
