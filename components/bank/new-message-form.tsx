"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createMessageAction } from "@/lib/actions/bank";
import { toastActionError } from "../ui/action-result";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field, Input, Textarea } from "../ui/field";
import { toast } from "../ui/toast";
import { EnabledSwitch } from "./enabled-switch";
import { parseTags } from "./format";
import { TagInput } from "./tag-input";

export function NewMessageForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [content, setContent] = useState("");
  const [tags, setTags] = useState("");
  const [weight, setWeight] = useState("1");
  const [enabled, setEnabled] = useState(true);
  const create = useAction(createMessageAction, {
    onSuccess: ({ input }) => {
      toast.success(`Created "${input.name}" (version 1).`);
      router.refresh();
      onDone();
    },
    onError: toastActionError("Could not create the message."),
  });

  return (
    <Card className="mb-6">
      <CardHeader
        title="New system message"
        description="Saved as version 1. Later edits add versions; nothing is overwritten."
      />
      <CardBody>
        <form
          className="grid gap-4 lg:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            create.execute({ name, content, tags: parseTags(tags), weight: Number(weight), enabled });
          }}
        >
          <div className="space-y-4 lg:col-span-2">
            <Field label="Name" htmlFor="new-message-name">
              <Input
                id="new-message-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
                maxLength={120}
                autoFocus
                placeholder="e.g. Step-by-step with a final check"
              />
            </Field>
            <Field
              label="Content"
              htmlFor="new-message-content"
              hint="The system prompt sent to the teacher."
            >
              <Textarea
                id="new-message-content"
                value={content}
                onChange={(e) => setContent(e.target.value)}
                required
                rows={9}
              />
            </Field>
          </div>
          <div className="space-y-4">
            <TagInput id="new-message-tags" value={tags} onChange={setTags} />
            <Field label="Weight" htmlFor="new-message-weight" hint="Relative sampling weight; 1 is typical.">
              <Input
                id="new-message-weight"
                type="number"
                min="0.01"
                max="100"
                step="any"
                value={weight}
                onChange={(e) => setWeight(e.target.value)}
                required
                className="max-w-32"
              />
            </Field>
            <EnabledSwitch label="Enabled" checked={enabled} onChange={setEnabled} showText />
            <div className="flex gap-2 pt-2">
              <Button type="submit" disabled={create.isPending}>
                {create.isPending ? "Creating…" : "Create message"}
              </Button>
              <Button variant="ghost" onClick={onDone}>
                Cancel
              </Button>
            </div>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
