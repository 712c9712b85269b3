"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateMetadataAction } from "@/lib/actions/bank";
import { toastActionError } from "../ui/action-result";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field, Input } from "../ui/field";
import { toast } from "../ui/toast";
import { EnabledSwitch } from "./enabled-switch";
import { joinTags, parseTags } from "./format";
import { TagInput } from "./tag-input";

type Metadata = { name: string; tags: string[]; weight: number; enabled: boolean };

/** Name, tags, weight, enabled: settings on the message, so saving them adds no version. */
export function MetadataForm({
  messageId,
  metadata,
  canEdit,
}: {
  messageId: string;
  metadata: Metadata;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [name, setName] = useState(metadata.name);
  const [tags, setTags] = useState(joinTags(metadata.tags));
  const [weight, setWeight] = useState(String(metadata.weight));
  const [enabled, setEnabled] = useState(metadata.enabled);
  const [shown, setShown] = useState(metadata);
  // Fresh values from the server replace only the fields the curator has not been editing.
  if (JSON.stringify(shown) !== JSON.stringify(metadata)) {
    if (name === shown.name) setName(metadata.name);
    const savedTags = joinTags(metadata.tags);
    if (
      tags === joinTags(shown.tags) ||
      joinTags([...new Set(parseTags(tags.toLowerCase()))]) === savedTags
    ) {
      setTags(savedTags);
    }
    if (weight === String(shown.weight)) setWeight(String(metadata.weight));
    setEnabled(metadata.enabled);
    setShown(metadata);
  }
  const onError = toastActionError("Could not save the settings.");
  const saveSettings = useAction(updateMetadataAction, {
    onSuccess: ({ data }) => {
      toast.success(data?.changed.length ? `Saved ${data.changed.join(", ")}.` : "Nothing had changed.");
      router.refresh();
    },
    onError,
  });
  // The switch saves at once: taking a message out of sampling should not wait for a form.
  const saveEnabled = useAction(updateMetadataAction, {
    onSuccess: ({ input }) => {
      toast.success(input.enabled ? "Enabled: new jobs can sample it." : "Disabled: new jobs will skip it.");
      router.refresh();
    },
    onError: (args) => {
      setEnabled(metadata.enabled);
      onError(args);
    },
  });

  return (
    <Card>
      <CardHeader title="Settings" description="Changing these does not create a version." />
      <CardBody className="space-y-4">
        <div>
          <EnabledSwitch
            id="message-enabled"
            label="Enabled"
            checked={enabled}
            disabled={!canEdit || saveEnabled.isPending}
            onChange={(next) => {
              setEnabled(next);
              saveEnabled.execute({ messageId, enabled: next });
            }}
            showText
          />
          <p className="mt-1 text-xs text-slate-500">
            Saved immediately. Disabled messages stay in history but new jobs do not sample them.
          </p>
        </div>
        <form
          className="space-y-4 border-t border-slate-100 pt-4"
          onSubmit={(e) => {
            e.preventDefault();
            saveSettings.execute({ messageId, name, tags: parseTags(tags), weight: Number(weight) });
          }}
        >
          <Field label="Name" htmlFor="message-name">
            <Input
              id="message-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              disabled={!canEdit}
              required
              maxLength={120}
            />
          </Field>
          <TagInput id="message-tags" value={tags} onChange={setTags} disabled={!canEdit} />
          <Field
            label="Weight"
            htmlFor="message-weight"
            hint="Relative chance of being sampled among enabled messages."
          >
            <Input
              id="message-weight"
              type="number"
              min="0.01"
              max="100"
              step="any"
              value={weight}
              onChange={(e) => setWeight(e.target.value)}
              disabled={!canEdit}
              required
              className="max-w-32"
            />
          </Field>
          {canEdit && (
            <Button type="submit" variant="secondary" disabled={saveSettings.isPending}>
              {saveSettings.isPending ? "Saving…" : "Save settings"}
            </Button>
          )}
        </form>
      </CardBody>
    </Card>
  );
}
