import { TeacherAdmin } from "@/components/teachers/teacher-admin";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/next/current-user";
import { listProviders } from "@/lib/teacher";

export const metadata = { title: "Teachers" };

export default async function TeachersPage() {
  const user = await requireUser("read");
  const providers = await listProviders();
  return (
    <>
      <PageHeader
        title="Teachers"
        description="The LLMs that write traces: any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp, LM Studio, Together, OpenRouter...) or the Anthropic API. API keys are encrypted at rest and never sent back to the browser."
      />
      <TeacherAdmin providers={providers} canManage={can(user.role, "providers:manage")} />
    </>
  );
}
