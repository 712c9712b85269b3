import Link from "next/link";
import { connection } from "next/server";

export const metadata = { title: "Not found" };

// Rendered per request, not prerendered: Next puts each response's CSP nonce on its scripts only
// when it renders (a prerendered 404, and Next's default one with its inline <style>, break the CSP).
export default async function NotFound() {
  await connection();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
        <p className="mt-2 text-sm text-slate-600">There is nothing at this address.</p>
        <Link className="mt-4 inline-block text-sm text-indigo-700 underline" href="/">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
