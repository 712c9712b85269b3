// Placeholder until the prompts domain lands.
export async function seedDemoPromptSet(): Promise<{ created: number }> {
  return { created: 0 };
}
